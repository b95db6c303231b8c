package dev.confab.management.resource.engine;

import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.StoreView;
import dev.confab.management.store.Daos;
import dev.confab.management.store.InList;
import dev.confab.shared.crypto.SecretBox;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * {@link StoreView} over one Jdbi handle: what rules and the write pipeline read and write inside
 * one transaction. Not thread-safe.
 */
public final class HandleView implements StoreView, StoreView.NestedWriter {

    private final Handle handle;
    private final ResourceDao dao;
    private final SecretBox secrets;

    public HandleView(Handle handle, SecretBox secrets) {
        this.handle = handle;
        this.dao = Daos.on(handle, ResourceDao.class);
        this.secrets = secrets;
    }

    /**
     * Checks foreign keys when the transaction commits rather than at each statement, so that
     * objects referring to each other can be deleted in one transaction in any order.
     */
    void deferForeignKeys() {
        handle.execute("PRAGMA defer_foreign_keys = ON");
    }

    public ResourceDao dao() {
        return dao;
    }

    @Override
    public Optional<Map<String, Object>> find(String resource, long id) {
        return dao.find(resource, id);
    }

    @Override
    public List<Map<String, Object>> all(String resource) {
        return dao.select(resource, "", "id", Map.of(), -1, 0);
    }

    @Override
    public List<Map<String, Object>> findBy(String resource, String field, Object value) {
        return dao.findBy(resource, field, value);
    }

    @Override
    public List<Map<String, Object>> findIn(String resource, String field, List<?> values) {
        List<? extends List<?>> parts = InList.parts(values);
        if (parts.size() == 1) {
            return dao.findIn(resource, field, parts.get(0));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        parts.forEach(part -> rows.addAll(dao.findIn(resource, field, part)));
        rows.sort(Comparator.comparingLong(row -> ((Number) row.get("id")).longValue()));
        return rows;
    }

    @Override
    public Optional<Map<String, Object>> findFirstDiffering(String resource, String field, Object value,
                                                            String differentField, Object differentValue,
                                                            long excludeId) {
        return dao.findFirstDiffering(resource, field, value, differentField, differentValue, excludeId);
    }

    /** The members of a list field for several owners at once: owner id → target ids in order. */
    public Map<Long, List<Long>> listMembers(String resource, String field, List<Long> owners) {
        return members(owners, part -> dao.listMembers(joinTable(resource, field), part));
    }

    /**
     * The members of list field {@code field} of {@code spec} for several objects at once, on either
     * side of the list ({@link FieldSpec#reverseOf()}): object id → ids in order.
     */
    Map<Long, List<Long>> listMembers(ResourceSpec spec, FieldSpec field, List<Long> ids) {
        if (field.reverseOf() == null) {
            return listMembers(spec.name(), field.name(), ids);
        }
        return members(ids, part -> dao.listOwnersOf(joinTable(field.relatedResource(), field.reverseOf()), part));
    }

    /** Owner → targets in order, reading {@code rows} for each part of {@code ids} ({@link InList}). */
    private static Map<Long, List<Long>> members(List<Long> ids, Function<List<Long>, List<Map<String, Object>>> rows) {
        Map<Long, List<Long>> members = new java.util.HashMap<>();
        ids.forEach(id -> members.put(id, new java.util.ArrayList<>()));
        for (List<Long> part : InList.parts(ids)) {
            for (Map<String, Object> row : rows.apply(part)) {
                members.get(((Number) row.get("owner_id")).longValue()).add(((Number) row.get("target_id")).longValue());
            }
        }
        return members;
    }

    /** The ids in list field {@code field} of object {@code id}, on either side of the list. */
    List<Long> listIds(ResourceSpec spec, FieldSpec field, long id) {
        return field.reverseOf() == null ? listIds(spec.name(), field.name(), id)
                : listOwners(field.relatedResource(), field.reverseOf(), id);
    }

    @Override
    public List<Long> listIds(String resource, String field, long ownerId) {
        return dao.listIds(joinTable(resource, field), ownerId);
    }

    @Override
    public List<Long> listOwners(String resource, String field, long targetId) {
        return dao.listOwners(joinTable(resource, field), targetId);
    }

    @Override
    public String openSecret(String sealed) {
        return sealed == null || sealed.isEmpty() ? "" : secrets.open(sealed);
    }

    @Override
    public String sealSecret(String plain) {
        return secrets.seal(plain);
    }

    @Override
    public NestedWriter nested() {
        return this;
    }

    @Override
    public long insert(String resource, Map<String, Object> values) {
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner placeholders = new StringJoiner(", ");
        values.keySet().forEach(column -> {
            columns.add(column);
            placeholders.add(":" + column);
        });
        dao.insert(resource, columns.toString(), placeholders.toString(), values);
        return dao.lastInsertId();
    }

    /** Updates the named columns of one row. */
    public void update(String resource, long id, Map<String, Object> values) {
        StringJoiner assignments = new StringJoiner(", ");
        values.keySet().forEach(column -> assignments.add(column + " = :" + column));
        dao.update(resource, assignments.toString(), values, id);
    }

    /**
     * Replaces the members of list field {@code field} of object {@code id}, keeping their order. On
     * the other side of a list, the owners no longer named lose the object from their lists and the
     * owners newly named get it at the end of theirs; the others' lists stay as they are.
     */
    void replaceList(ResourceSpec spec, FieldSpec field, long id, List<Long> members) {
        if (field.reverseOf() == null) {
            String table = joinTable(spec.name(), field.name());
            dao.clearList(table, id);
            for (int i = 0; i < members.size(); i++) {
                dao.addToList(table, id, members.get(i), i);
            }
            return;
        }
        String table = joinTable(field.relatedResource(), field.reverseOf());
        List<Long> owners = dao.listOwners(table, id);
        owners.stream().filter(owner -> !members.contains(owner)).forEach(owner -> dao.removeFromList(table, owner, id));
        members.stream().filter(owner -> !owners.contains(owner)).forEach(owner -> dao.appendToList(table, owner, id));
    }

    @Override
    public void deleteWhere(String resource, String field, Object value) {
        dao.deleteWhere(resource, field, value);
    }

    static String joinTable(String resource, String field) {
        return resource + "__" + field;
    }
}
