package dev.confab.management.resource.engine;

import dev.confab.management.adminlog.Actor;
import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ListQuery;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.resource.catalog.GlobalSettings;
import dev.confab.management.resource.catalog.SystemLocation;
import dev.confab.management.resource.catalog.WorkerVm;
import dev.confab.management.store.Daos;
import dev.confab.management.store.RevisionDao;
import dev.confab.management.store.Store;
import dev.confab.shared.crypto.SecretBox;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads and writes configuration objects with every rule of the catalog. A write (of one object, or
 * of several in a bulk write) either commits with its new configuration revision and its
 * administrator-log lines in one transaction, or changes nothing. Listeners hear of each object it
 * changed, all at that one revision. The REST API and the web interface both write through here. Thread-safe.
 */
public final class ConfigurationService {

    private final Store store;
    private final Catalog catalog;
    private final SecretBox secrets;
    private final Clock clock;
    private final ObjectWriter writer;
    private final List<Consumer<ConfigurationChange>> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ConfigurationService(Store store, Catalog catalog, SecretBox secrets, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.secrets = secrets;
        this.clock = clock;
        this.writer = new ObjectWriter(catalog, secrets);
    }

    public Catalog catalog() {
        return catalog;
    }

    /**
     * Called with each change after its transaction has committed, on the writing thread, in the
     * order added. The Management Node adds its {@link Reaction}s here, all in one table.
     */
    public void onChange(Consumer<ConfigurationChange> listener) {
        changeListeners.add(listener);
    }

    /** Runs {@code reading} in one read transaction: the configuration as typed records, and the store's DAOs. */
    public <T> T read(Function<StoreTransaction, T> reading) {
        return store.read(handle -> handle.inTransaction(transaction -> reading.apply(transaction(transaction))));
    }

    /**
     * Runs {@code writing} in one write transaction that makes no configuration revision: what
     * components keep beside the configuration (tokens, certificates, administrator-log lines).
     */
    public <T> T write(Function<StoreTransaction, T> writing) {
        return store.write(handle -> writing.apply(transaction(handle)));
    }

    public Optional<WorkerVm> workerVm(long id) {
        return read(transaction -> transaction.reads().workerVm(id));
    }

    public List<WorkerVm> workerVms() {
        return read(transaction -> transaction.reads().workerVms());
    }

    public List<SystemLocation> systemLocations() {
        return read(transaction -> transaction.reads().systemLocations());
    }

    public GlobalSettings globalSettings() {
        return read(transaction -> transaction.reads().globalSettings());
    }

    private StoreTransaction transaction(Handle handle) {
        return new StoreTransaction(handle, new HandleView(handle, secrets), catalog);
    }

    public long revision() {
        return store.read(handle -> Daos.on(handle, RevisionDao.class).current());
    }

    /** Every object of the configuration resources {@code names}, and the revision they are at. */
    public record Snapshot(long revision, Map<String, List<Map<String, Object>>> objects) {
    }

    /**
     * Reads every object of {@code names} as the API renders it but without computed fields (which
     * may change without a revision), with the revision, in one transaction.
     */
    public Snapshot snapshot(List<String> names) {
        return store.read(handle -> handle.inTransaction(transaction -> {
            HandleView view = new HandleView(transaction, secrets);
            long revision = transaction.attach(RevisionDao.class).current();
            Map<String, List<Map<String, Object>>> objects = new LinkedHashMap<>();
            for (String name : names) {
                ResourceSpec spec = catalog.configuration(name);
                List<Map<String, Object>> rows = view.dao().select(spec.table(), "", "id", Map.of(), -1, 0);
                objects.put(name, Renderer.renderAll(spec, rows, view, false));
            }
            return new Snapshot(revision, objects);
        }));
    }

    public Page list(ResourceSpec spec, ListQuery query) {
        List<Object> values = FilterValues.of(spec, query);
        ResourceQuerySql sql = ResourceQuerySql.of(query, values);
        return store.read(handle -> {
            HandleView view = new HandleView(handle, secrets);
            long total = view.dao().count(spec.table(), sql.where(), sql.parameters());
            List<Map<String, Object>> rows = view.dao().select(spec.table(), sql.where(), sql.order(), sql.parameters(),
                    query.limit(), query.offset());
            return new Page(Renderer.renderAll(spec, rows, view), total, query.limit(), query.offset());
        });
    }

    /**
     * The objects of {@code spec}, as {@link #list} and {@link #get} render them, with the related
     * objects of each {@link FieldSpec#isWhole() whole} field in place of their URIs, as the
     * reference's API shows them. Objects are changed in place and returned.
     */
    public List<Map<String, Object>> withWholeFields(ResourceSpec spec, List<Map<String, Object>> objects) {
        List<FieldSpec> whole = spec.fields().values().stream().filter(FieldSpec::isWhole).toList();
        if (whole.isEmpty() || objects.isEmpty()) {
            return objects;
        }
        return store.read(handle -> {
            HandleView view = new HandleView(handle, secrets);
            for (FieldSpec field : whole) {
                ResourceSpec related = catalog.configuration(field.relatedResource());
                List<Long> ids = objects.stream().flatMap(object -> ((List<?>) object.get(field.name())).stream())
                        .map(uri -> InputReader.idOf(field, uri)).distinct().toList();
                Map<Object, Map<String, Object>> byUri = new HashMap<>();
                Renderer.renderAll(related, view.findIn(related.table(), "id", ids), view)
                        .forEach(object -> byUri.put(object.get("resource_uri"), object));
                objects.forEach(object -> object.put(field.name(), ((List<?>) object.get(field.name())).stream()
                        .map(byUri::get).toList()));
            }
            return objects;
        });
    }

    public Map<String, Object> get(ResourceSpec spec, long id) {
        return store.read(handle -> {
            HandleView view = new HandleView(handle, secrets);
            return Renderer.render(spec, ObjectWriter.existing(spec, id, view), view);
        });
    }

    public Map<String, Object> create(ResourceSpec spec, Map<String, Object> input, Actor actor) {
        return write(spec, null, input, false, actor, null).object();
    }

    /** What else a create does in its transaction, once the object is stored and its revision recorded. */
    @FunctionalInterface
    public interface AlsoInTransaction<T> {
        T run(StoreTransaction transaction, long objectId);
    }

    /** A created object as the API renders it, and what {@link AlsoInTransaction} made with it. */
    public record Created<T>(Map<String, Object> object, T also) {
    }

    /**
     * As {@link #create(ResourceSpec, Map, Actor)}, and runs {@code also} in the same transaction: what
     * it writes commits with the object, and if it fails, neither the object nor its revision exist.
     */
    public <T> Created<T> create(ResourceSpec spec, Map<String, Object> input, Actor actor, AlsoInTransaction<T> also) {
        return write(spec, null, input, false, actor, also);
    }

    /** PUT when {@code partial} is false (absent fields take their defaults), PATCH when true. */
    public Map<String, Object> update(ResourceSpec spec, long id, Map<String, Object> input, boolean partial,
                                      Actor actor) {
        return write(spec, id, input, partial, actor, null).object();
    }

    public void delete(ResourceSpec spec, long id, Actor actor) {
        List<ConfigurationChange> changes = store.write(handle -> {
            ChangeSet changeSet = new ChangeSet(handle, clock.instant(), actor);
            writer.delete(new HandleView(handle, secrets), changeSet, spec, id, Set.of());
            return changeSet.changes();
        });
        announce(changes);
    }

    /**
     * One object of a {@link #bulk} write: the id of the object to update (a PATCH of it), or null
     * to create one; and its fields.
     */
    public record BulkObject(Long id, Map<String, Object> input) {
    }

    /**
     * Writes {@code objects} in order, then deletes the objects {@code deletions}, all in one
     * transaction with one configuration revision: either every one of them is done, or none is.
     * Returns the written objects as the API renders them. A failure names the object it is about
     * as {@code objects[i]} or {@code deleted_objects[i]}.
     */
    public List<Map<String, Object>> bulk(ResourceSpec spec, List<BulkObject> objects, List<Long> deletions,
                                          Actor actor) {
        BulkItem.refuseRepeats(spec, objects, deletions);
        List<Map<String, Object>> written = new ArrayList<>();
        List<ConfigurationChange> changes = store.write(handle -> {
            HandleView view = new HandleView(handle, secrets);
            ChangeSet changeSet = new ChangeSet(handle, clock.instant(), actor);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < objects.size(); i++) {
                BulkObject object = objects.get(i);
                ids.add(BulkItem.run("objects", i, () -> writer.write(view, changeSet, spec, object.id(),
                        object.input(), true)));
            }
            deleteAll(view, changeSet, spec, deletions, "deleted_objects");
            for (long id : ids) {
                written.add(Renderer.render(spec, ObjectWriter.existing(spec, id, view), view));
            }
            return changeSet.changes();
        });
        announce(changes);
        return written;
    }

    /**
     * Deletes every object the filters of {@code query} match (its paging is not used), in one
     * transaction with one configuration revision, or none of them. Returns how many were deleted.
     */
    public int deleteMatching(ResourceSpec spec, ListQuery query, Actor actor) {
        ResourceQuerySql sql = ResourceQuerySql.of(query, FilterValues.of(spec, query));
        List<ConfigurationChange> changes = store.write(handle -> {
            HandleView view = new HandleView(handle, secrets);
            List<Long> ids = view.dao().select(spec.table(), sql.where(), "id", sql.parameters(), -1, 0).stream()
                    .map(row -> ((Number) row.get("id")).longValue()).toList();
            ChangeSet changeSet = new ChangeSet(handle, clock.instant(), actor);
            deleteAll(view, changeSet, spec, ids, null);
            return changeSet.changes();
        });
        announce(changes);
        return changes.size();
    }

    /**
     * Deletes several objects of one resource; references among them do not hold up their deletion
     * (the store checks what is left when the transaction commits). {@code list} names the request's
     * list in errors, when the ids come from one.
     */
    private void deleteAll(HandleView view, ChangeSet changeSet, ResourceSpec spec, List<Long> ids, String list) {
        if (ids.size() > 1) {
            view.deferForeignKeys();
        }
        Set<Long> all = Set.copyOf(ids);
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            Runnable delete = () -> writer.delete(view, changeSet, spec, id, all);
            if (list == null) {
                delete.run();
            } else {
                BulkItem.run(list, i, () -> {
                    delete.run();
                    return id;
                });
            }
        }
    }

    private <T> Created<T> write(ResourceSpec spec, Long id, Map<String, Object> input, boolean partial, Actor actor,
                                 AlsoInTransaction<T> also) {
        Map<String, Object> result = new LinkedHashMap<>();
        List<T> made = new ArrayList<>(1);
        List<ConfigurationChange> changes = store.write(handle -> {
            HandleView view = new HandleView(handle, secrets);
            ChangeSet changeSet = new ChangeSet(handle, clock.instant(), actor);
            long objectId = writer.write(view, changeSet, spec, id, input, partial);
            if (also != null) {
                made.add(also.run(transaction(handle), objectId));
            }
            result.putAll(Renderer.render(spec, ObjectWriter.existing(spec, objectId, view), view));
            return changeSet.changes();
        });
        announce(changes);
        return new Created<>(result, made.isEmpty() ? null : made.get(0));
    }

    private void announce(List<ConfigurationChange> changes) {
        changes.forEach(change -> changeListeners.forEach(listener -> listener.accept(change)));
    }
}
