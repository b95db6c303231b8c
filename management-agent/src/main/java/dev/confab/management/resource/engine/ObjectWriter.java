package dev.confab.management.resource.engine;

import dev.confab.management.adminlog.AdminLog;
import dev.confab.management.resource.Candidate;
import dev.confab.management.resource.ConflictException;
import dev.confab.management.resource.FieldErrors;
import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.NotFoundException;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.ValidationException;
import dev.confab.management.resource.catalog.Catalog;
import dev.confab.shared.crypto.SecretBox;
import dev.confab.shared.crypto.ShaCrypt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes and deletes one object inside a transaction, with every rule of the catalog, and records
 * it in the transaction's {@link ChangeSet}. A failure throws before anything of the object is
 * kept; the caller's transaction then rolls back whatever else it wrote. Thread-safe (stateless
 * apart from its settings); each call works on the view it is given.
 */
final class ObjectWriter {

    private final Catalog catalog;
    private final SecretBox secrets;
    private final InputReader reader;

    ObjectWriter(Catalog catalog, SecretBox secrets) {
        this.catalog = catalog;
        this.secrets = secrets;
        this.reader = new InputReader(catalog.loopbackNodes());
    }

    /**
     * Creates ({@code id} null) or updates an object from {@code input}: PATCH when {@code partial}
     * (fields not given keep their values), PUT when not (writable fields not given take their
     * defaults; write-only secrets are kept). Returns the object's id.
     */
    long write(HandleView view, ChangeSet changes, ResourceSpec spec, Long id, Map<String, Object> input,
               boolean partial) {
        Map<String, Object> previous = id == null ? null : Renderer.storageForm(spec, existing(spec, id, view), view);
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldSpec field : spec.fields().values()) {
            boolean keep = previous != null && (partial || field.access() == FieldSpec.Access.WRITE_ONLY
                    || !field.isWritable());
            values.put(field.name(), keep ? previous.get(field.name()) : field.defaultValue());
        }
        FieldErrors errors = new FieldErrors();
        Set<String> given = readInput(spec, input, values, view, errors);
        if (id != null && !partial) {
            // a replacement replaces nested lists too: one not given is emptied, as its default says
            spec.fields().values().stream().filter(field -> field.type() == FieldSpec.Type.NESTED_LIST)
                    .forEach(field -> given.add(field.name()));
        }
        Candidate candidate = new Candidate(spec, id, values, previous, given);
        spec.rules().prepare(candidate);
        for (FieldSpec field : spec.fields().values()) {
            // a secret not given is kept as stored (sealed or hashed): only what is given is checked
            boolean keptSecret = field.secretKind() != FieldSpec.Secret.NONE && !candidate.given(field.name())
                    && !candidate.isNew();
            if (field.isWritable() && field.isStored() && !keptSecret) {
                reader.check(field, candidate.get(field.name()), errors);
            }
        }
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
        changes.record(spec, objectId, displayName(spec, candidate.values()),
                id == null ? AdminLog.Action.CREATED : AdminLog.Action.UPDATED, details);
        return objectId;
    }

    /**
     * Deletes an object, unless another object still refers to it; references from objects in
     * {@code alsoDeleted} (ids of {@code spec} deleted in the same transaction) do not count.
     */
    void delete(HandleView view, ChangeSet changes, ResourceSpec spec, long id, Set<Long> alsoDeleted) {
        Map<String, Object> row = existing(spec, id, view);
        refuseIfReferenced(spec, id, row, view, alsoDeleted);
        view.dao().delete(spec.name(), id);
        changes.record(spec, id, displayName(spec, row), AdminLog.Action.DELETED, "");
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
            if (field.secretKind() != FieldSpec.Secret.NONE && entry.getValue() instanceof String text
                    && text.isBlank()) {
                // a blank secret is one not given, as a form's blank password field: null clears one
                continue;
            }
            given.add(name);
            values.put(name, reader.convert(field, entry.getValue(), view, errors));
        }
        return given;
    }

    /** Unique values the object did not hold before; a value it keeps was unique when it was stored. */
    private static void checkUnique(ResourceSpec spec, Candidate candidate, HandleView view, FieldErrors errors) {
        for (FieldSpec field : spec.fields().values()) {
            Object value = candidate.get(field.name());
            if (field.isUnique() && candidate.changed(field.name()) && value != null && !errors.has(field.name())
                    && !"".equals(value)
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
            // a list the write leaves as it was is not written again
            if (field.type() == FieldSpec.Type.RELATED_LIST && field.isStored() && candidate.changed(field.name())) {
                @SuppressWarnings("unchecked")
                List<Long> ids = (List<Long>) candidate.get(field.name());
                view.replaceList(spec, field, id, ids == null ? List.of() : ids);
            }
        }
        return id;
    }

    private static List<String> changedFields(ResourceSpec spec, Candidate candidate) {
        List<String> changed = new ArrayList<>();
        for (FieldSpec field : spec.fields().values()) {
            boolean secretGiven = field.secretKind() != FieldSpec.Secret.NONE && candidate.given(field.name());
            boolean nestedGiven = field.type() == FieldSpec.Type.NESTED_LIST && candidate.given(field.name());
            if (secretGiven || nestedGiven || (field.isStored() && candidate.changed(field.name()))) {
                changed.add(field.name());
            }
        }
        return changed;
    }

    private void refuseIfReferenced(ResourceSpec spec, long id, Map<String, Object> row, HandleView view,
                                    Set<Long> alsoDeleted) {
        if (spec.shape() != ResourceSpec.Shape.COLLECTION) {
            throw new ValidationException("A " + spec.title() + " cannot be deleted.");
        }
        List<String> users = new ArrayList<>();
        for (ResourceSpec other : catalog.all()) {
            for (FieldSpec field : other.fields().values()) {
                if (field.type() == FieldSpec.Type.RELATED && spec.name().equals(field.relatedResource())
                        && !field.isCascade()) {
                    for (Map<String, Object> user : view.findBy(other.name(), field.name(), id)) {
                        long userId = ((Number) user.get("id")).longValue();
                        boolean goesToo = other == spec && (userId == id || alsoDeleted.contains(userId));
                        if (!goesToo) {
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

    static Map<String, Object> existing(ResourceSpec spec, long id, HandleView view) {
        return view.find(spec.table(), id).orElseThrow(() -> new NotFoundException(
                "There is no " + spec.title() + " with id " + id + " (" + spec.uri(id) + ")."));
    }

    private static String displayName(ResourceSpec spec, Map<String, Object> row) {
        Object value = row.get(spec.displayField());
        return value == null ? "#" + row.get("id") : value.toString();
    }
}
