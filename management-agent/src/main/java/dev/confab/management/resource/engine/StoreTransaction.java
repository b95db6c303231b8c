package dev.confab.management.resource.engine;

import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.store.Daos;
import org.jdbi.v3.core.Handle;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One transaction on the store, as components beside the write pipeline use it: the configuration
 * as typed records, and the store's DAOs for their own tables (tokens, certificates, the
 * administrator log), all committed together or not at all. Not thread-safe: bound to one
 * transaction.
 */
public final class StoreTransaction {

    private final Handle handle;
    private final HandleView view;
    private final Catalog catalog;
    private final TypedReads reads;
    private final Map<Class<?>, Object> daos = new HashMap<>();

    StoreTransaction(Handle handle, HandleView view, Catalog catalog) {
        this.handle = handle;
        this.view = view;
        this.catalog = catalog;
        this.reads = new TypedReads(view, catalog);
    }

    /**
     * The objects of configuration resource {@code name} with the given ids, as the API renders them
     * but without computed fields (which may change without a revision), ordered by id; ids of
     * objects that do not exist are left out.
     */
    public List<Map<String, Object>> objects(String name, Collection<Long> ids) {
        ResourceSpec spec = catalog.configuration(name);
        return Renderer.renderAll(spec, view.findIn(spec.table(), "id", ids.stream().sorted().distinct().toList()), view,
                false);
    }

    /**
     * The ids of the objects of {@code name} whose list field {@code field} names object
     * {@code relatedId} of the field's related resource, on either side of the list.
     */
    public List<Long> listing(String name, String field, long relatedId) {
        FieldSpec list = catalog.configuration(name).fields().get(field);
        return list.reverseOf() == null ? view.listOwners(name, field, relatedId)
                : view.listIds(list.relatedResource(), list.reverseOf(), relatedId);
    }

    /**
     * The ids of the objects of {@code name} whose related field {@code field} names one of the
     * objects {@code relatedIds} of the field's related resource.
     */
    public List<Long> referring(String name, String field, Collection<Long> relatedIds) {
        if (relatedIds.isEmpty()) {
            return List.of();
        }
        return view.findIn(catalog.configuration(name).table(), field, relatedIds.stream().sorted().distinct().toList())
                .stream().map(row -> ((Number) row.get("id")).longValue()).toList();
    }

    /** The configuration as typed records, as this transaction sees it. */
    public TypedReads reads() {
        return reads;
    }

    /**
     * A store DAO working in this transaction; the same one each time it is asked for (attaching
     * one builds its handlers: tens of microseconds, which a fleet's thousand events would repeat).
     */
    public <D> D dao(Class<D> type) {
        return type.cast(daos.computeIfAbsent(type, key -> Daos.on(handle, key)));
    }
}
