package dev.confab.management.resource.engine;

import dev.confab.management.resource.StoreView;
import dev.confab.shared.crypto.SecretBox;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

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
        this.dao = handle.attach(ResourceDao.class);
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
    public List<Map<String, Object>> findBy(String resource, String field, Object value) {
        return dao.findBy(resource, field, value);
    }

    @Override
    public List<Map<String, Object>> findIn(String resource, String field, List<?> values) {
        return values.isEmpty() ? List.of() : dao.findIn(resource, field, values);
    }

    @Override
    public Optional<Map<String, Object>> findFirstDiffering(String resource, String field, Object value,
                                                            String differentField, Object differentValue,
                                                            long excludeId) {
        return dao.findFirstDiffering(resource, field, value, differentField, differentValue, excludeId);
    }

    /** The members of a list field for several owners at once: owner id → target ids in order. */
    public Map<Long, List<Long>> listMembers(String resource, String field, List<Long> owners) {
        Map<Long, List<Long>> members = new java.util.HashMap<>();
        owners.forEach(owner -> members.put(owner, new java.util.ArrayList<>()));
        if (!owners.isEmpty()) {
            for (Map<String, Object> row : dao.listMembers(joinTable(resource, field), owners)) {
                members.get(((Number) row.get("owner_id")).longValue()).add(((Number) row.get("target_id")).longValue());
            }
        }
        return members;
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

    /** Replaces the members of a list field, keeping their order. */
    public void replaceList(String resource, String field, long ownerId, List<Long> targets) {
        String table = joinTable(resource, field);
        dao.clearList(table, ownerId);
        for (int i = 0; i < targets.size(); i++) {
            dao.addToList(table, ownerId, targets.get(i), i);
        }
    }

    @Override
    public void deleteWhere(String resource, String field, Object value) {
        dao.deleteWhere(resource, field, value);
    }

    static String joinTable(String resource, String field) {
        return resource + "__" + field;
    }
}
