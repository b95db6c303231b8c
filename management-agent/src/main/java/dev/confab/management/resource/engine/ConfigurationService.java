package dev.confab.management.resource.engine;

import dev.confab.management.adminlog.Actor;
import dev.confab.management.adminlog.AdminLog;
import dev.confab.management.resource.Candidate;
import dev.confab.management.resource.ConflictException;
import dev.confab.management.resource.FieldErrors;
import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ListQuery;
import dev.confab.management.resource.NotFoundException;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.ValidationException;
import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.resource.catalog.GlobalSettings;
import dev.confab.management.resource.catalog.SystemLocation;
import dev.confab.management.resource.catalog.WorkerVm;
import dev.confab.management.store.AdminLogDao;
import dev.confab.management.store.RevisionDao;
import dev.confab.management.store.Store;
import dev.confab.management.store.Times;
import dev.confab.shared.crypto.SecretBox;
import dev.confab.shared.crypto.ShaCrypt;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads and writes configuration objects with every rule of the catalog. A write either commits
 * with its new configuration revision and its administrator-log line in one transaction, or
 * changes nothing. The REST API and the web interface both write through here. Thread-safe.
 */
public final class ConfigurationService {

    private final Store store;
    private final Catalog catalog;
    private final SecretBox secrets;
    private final Clock clock;
    private final InputReader reader;
    private final List<Consumer<ConfigurationChange>> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ConfigurationService(Store store, Catalog catalog, SecretBox secrets, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.secrets = secrets;
        this.clock = clock;
        this.reader = new InputReader(catalog.loopbackNodes());
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
        return new StoreTransaction(handle, new TypedReads(new HandleView(handle, secrets), catalog));
    }

    public long revision() {
        return store.read(handle -> handle.attach(RevisionDao.class).current());
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

    public Map<String, Object> get(ResourceSpec spec, long id) {
        return store.read(handle -> {
            HandleView view = new HandleView(handle, secrets);
            return Renderer.render(spec, existing(spec, id, view), view);
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
        ConfigurationChange change = store.write(handle -> {
            HandleView view = new HandleView(handle, secrets);
            Map<String, Object> row = existing(spec, id, view);
            refuseIfReferenced(spec, id, row, view);
            view.dao().delete(spec.name(), id);
            return commit(handle, spec, id, displayName(spec, row), AdminLog.Action.DELETED, "", actor);
        });
        announce(change);
    }

    private <T> Created<T> write(ResourceSpec spec, Long id, Map<String, Object> input, boolean partial, Actor actor,
                                 AlsoInTransaction<T> also) {
        Map<String, Object> result = new LinkedHashMap<>();
        List<T> made = new ArrayList<>(1);
        ConfigurationChange change = store.write(handle -> {
            HandleView view = new HandleView(handle, secrets);
            Map<String, Object> previous = id == null ? null : Renderer.storageForm(spec, existing(spec, id, view), view);
            Map<String, Object> values = new LinkedHashMap<>();
            for (FieldSpec field : spec.fields().values()) {
                boolean keep = previous != null && (partial || field.access() == FieldSpec.Access.WRITE_ONLY
                        || !field.isWritable());
                values.put(field.name(), keep ? previous.get(field.name()) : field.defaultValue());
            }
            FieldErrors errors = new FieldErrors();
            Set<String> given = readInput(spec, input, values, view, errors);
            for (FieldSpec field : spec.fields().values()) {
                if (field.isWritable() && field.isStored()) {
                    reader.check(field, values.get(field.name()), errors);
                }
            }
            Candidate candidate = new Candidate(spec, id, values, previous, given);
            checkUnique(spec, candidate, view, errors);
            if (errors.isEmpty()) {
                spec.rules().check(candidate, view, errors);
            }
            errors.throwIfAny(spec.title());
            spec.rules().derive(candidate, view);
            protectSecrets(spec, candidate);
            long objectId = store(spec, candidate, view);
            spec.rules().afterWrite(objectId, candidate, view);
            String details = id == null ? "" : "changed: " + String.join(", ", changedFields(spec, candidate));
            ConfigurationChange committed = commit(handle, spec, objectId, displayName(spec, candidate.values()),
                    id == null ? AdminLog.Action.CREATED : AdminLog.Action.UPDATED, details, actor);
            if (also != null) {
                made.add(also.run(transaction(handle), objectId));
            }
            result.putAll(Renderer.render(spec, existing(spec, objectId, view), view));
            return committed;
        });
        announce(change);
        return new Created<>(result, made.isEmpty() ? null : made.get(0));
    }

    private Set<String> readInput(ResourceSpec spec, Map<String, Object> input, Map<String, Object> values,
                                  HandleView view, FieldErrors errors) {
        Set<String> given = new HashSet<>();
        for (Map.Entry<String, Object> entry : input.entrySet()) {
            String name = entry.getKey();
            if (IgnoredFields.isIgnored(spec, name)) {
                continue;
            }
            FieldSpec field = spec.fields().get(name);
            given.add(name);
            values.put(name, reader.convert(field, entry.getValue(), view, errors));
        }
        return given;
    }

    private static void checkUnique(ResourceSpec spec, Candidate candidate, HandleView view, FieldErrors errors) {
        for (FieldSpec field : spec.fields().values()) {
            Object value = candidate.get(field.name());
            if (field.isUnique() && value != null && !errors.has(field.name()) && !"".equals(value)
                    && view.dao().otherWith(spec.name(), field.name(), value,
                    candidate.id() == null ? -1 : candidate.id()).isPresent()) {
                errors.add(field.name(), "Another " + spec.title() + " already has the " + field.name() + " \""
                        + value + "\": choose a unique " + field.name() + ".");
            }
        }
    }

    private void protectSecrets(ResourceSpec spec, Candidate candidate) {
        for (FieldSpec field : spec.fields().values()) {
            if (field.secretKind() == FieldSpec.Secret.NONE || !candidate.given(field.name())) {
                continue;
            }
            String plain = candidate.text(field.name());
            if (plain.isEmpty()) {
                candidate.put(field.name(), null);
            } else if (field.secretKind() == FieldSpec.Secret.SEALED) {
                candidate.put(field.name(), secrets.seal(plain));
            } else if (!ShaCrypt.isSha512Crypt(plain)) {
                candidate.put(field.name(), ShaCrypt.hash(plain.toCharArray()));
            }
        }
    }

    private static long store(ResourceSpec spec, Candidate candidate, HandleView view) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (FieldSpec field : spec.columns()) {
            columns.put(field.name(), candidate.get(field.name()));
        }
        long id;
        if (candidate.isNew()) {
            id = view.insert(spec.name(), columns);
        } else {
            id = candidate.id();
            view.update(spec.name(), id, columns);
        }
        for (FieldSpec field : spec.fields().values()) {
            if (field.type() == FieldSpec.Type.RELATED_LIST && field.isStored()) {
                @SuppressWarnings("unchecked")
                List<Long> ids = (List<Long>) candidate.get(field.name());
                view.replaceList(spec.name(), field.name(), id, ids == null ? List.of() : ids);
            }
        }
        return id;
    }

    private static List<String> changedFields(ResourceSpec spec, Candidate candidate) {
        List<String> changed = new ArrayList<>();
        for (FieldSpec field : spec.fields().values()) {
            boolean secretGiven = field.secretKind() != FieldSpec.Secret.NONE && candidate.given(field.name());
            if (secretGiven || (field.isStored() && candidate.changed(field.name()))
                    || (!field.isStored() && candidate.given(field.name()))) {
                changed.add(field.name());
            }
        }
        return changed;
    }

    private void refuseIfReferenced(ResourceSpec spec, long id, Map<String, Object> row, HandleView view) {
        if (spec.shape() != ResourceSpec.Shape.COLLECTION) {
            throw new ValidationException("A " + spec.title() + " cannot be deleted.");
        }
        List<String> users = new ArrayList<>();
        for (ResourceSpec other : catalog.all()) {
            for (FieldSpec field : other.fields().values()) {
                if (field.type() == FieldSpec.Type.RELATED && spec.name().equals(field.relatedResource())
                        && !field.isCascade()) {
                    for (Map<String, Object> user : view.findBy(other.name(), field.name(), id)) {
                        if (!(other == spec && Objects.equals(((Number) user.get("id")).longValue(), id))) {
                            users.add(other.title() + " \"" + displayName(other, user) + "\" (" + field.name() + ")");
                        }
                    }
                }
            }
        }
        if (!users.isEmpty()) {
            throw new ConflictException("The " + spec.title() + " \"" + displayName(spec, row) + "\" is still used by "
                    + String.join(", ", users) + ": change or delete those first.");
        }
    }

    private ConfigurationChange commit(Handle handle, ResourceSpec spec, long objectId, String name,
                                       AdminLog.Action action, String details, Actor actor) {
        Instant now = clock.instant();
        long revision = handle.attach(RevisionDao.class).next(Times.format(now), spec.name(), objectId,
                action.value());
        AdminLog.of(action, now).by(actor).about(spec.name(), objectId, name).details(details).revision(revision)
                .appendTo(handle.attach(AdminLogDao.class));
        return new ConfigurationChange(revision, spec.name(), objectId, action.value());
    }

    private void announce(ConfigurationChange change) {
        changeListeners.forEach(listener -> listener.accept(change));
    }

    private static Map<String, Object> existing(ResourceSpec spec, long id, HandleView view) {
        return view.find(spec.table(), id).orElseThrow(() -> new NotFoundException(
                "There is no " + spec.title() + " with id " + id + " (" + spec.uri(id) + ")."));
    }

    private static String displayName(ResourceSpec spec, Map<String, Object> row) {
        Object value = row.get(spec.displayField());
        return value == null ? "#" + row.get("id") : value.toString();
    }
}
