package dev.confab.management.replication;

import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.resource.engine.StoreTransaction;
import dev.confab.management.store.RevisionDao.ChangedObject;
import dev.confab.shared.wire.ReplicatedConfig;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The replicated objects a run of committed changes may have changed: the objects the changes name,
 * and the objects whose rendering names one of them without being changed themselves: the owners of
 * a list that names a changed object (a list's members go with a deleted object, and an object
 * written from the other side of a list changes its owners' lists), and the objects a deleted
 * object took with it ({@link FieldSpec#isCascade()}), and the objects that name a changed object
 * in a related field (a conference's aliases, written with it without changes of their own).
 * Owners are found in the replicated configuration built so far and in the store, so that new
 * members and new referring objects count too.
 */
final class AffectedObjects {

    private AffectedObjects() {
    }

    /** Ids by replicated resource, read in {@code transaction} where the store is needed. */
    static Map<String, Set<Long>> of(Catalog catalog, List<ChangedObject> changes, ReplicatedConfig built,
                                     StoreTransaction transaction) {
        Map<String, Set<Long>> changed = byResource(changes.stream().toList());
        Map<String, Set<Long>> affected = new TreeMap<>();
        for (String name : ReplicatedConfig.RESOURCES) {
            Set<Long> ids = new TreeSet<>(changed.getOrDefault(name, Set.of()));
            for (FieldSpec field : catalog.configuration(name).fields().values()) {
                String target = field.relatedResource();
                if (target == null || !field.isStored() || !field.isReadable()) {
                    continue;
                }
                if (field.type() == FieldSpec.Type.RELATED_LIST && changed.containsKey(target)) {
                    Set<Long> targets = changed.get(target);
                    ids.addAll(naming(built, name, field, uris(catalog, target, targets)));
                    targets.forEach(id -> ids.addAll(transaction.listing(name, field.name(), id)));
                } else if (field.type() == FieldSpec.Type.RELATED && field.isCascade() && changed.containsKey(target)) {
                    // an object written with its owner (a conference's aliases), or taken with it
                    ids.addAll(naming(built, name, field, uris(catalog, target, changed.get(target))));
                    ids.addAll(transaction.referring(name, field.name(), changed.get(target)));
                }
            }
            if (!ids.isEmpty()) {
                affected.put(name, ids);
            }
        }
        return affected;
    }

    private static Map<String, Set<Long>> byResource(List<ChangedObject> changes) {
        return changes.stream().collect(Collectors.groupingBy(ChangedObject::resource, TreeMap::new,
                Collectors.mapping(ChangedObject::objectId, Collectors.toCollection(TreeSet::new))));
    }

    private static Set<String> uris(Catalog catalog, String resource, Set<Long> ids) {
        ResourceSpec spec = catalog.configuration(resource);
        return ids.stream().map(spec::uri).collect(Collectors.toSet());
    }

    /** The built objects of {@code resource} whose {@code field} (a URI or a list of URIs) names one of {@code uris}. */
    private static Set<Long> naming(ReplicatedConfig built, String resource, FieldSpec field, Set<String> uris) {
        Set<Long> owners = new TreeSet<>();
        for (Map<String, Object> object : built.resources().get(resource).values()) {
            Object value = object.get(field.name());
            boolean names = value instanceof Collection<?> list ? list.stream().anyMatch(uris::contains)
                    : value != null && uris.contains(value.toString());
            if (names) {
                owners.add(((Number) object.get("id")).longValue());
            }
        }
        return owners;
    }
}
