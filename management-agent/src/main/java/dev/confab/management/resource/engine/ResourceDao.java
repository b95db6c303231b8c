package dev.confab.management.resource.engine;

import org.jdbi.v3.core.mapper.MapMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rows of any resource table, as maps keyed by column name. Table and column names are
 * {@code @Define}d from the resource catalog only, never from request text; every value is bound.
 * Where clauses and orderings come from {@link ResourceQuerySql}, which builds them from the same
 * catalog names.
 */
@RegisterRowMapper(MapMapper.class)
public interface ResourceDao {

    @SqlQuery("""
            SELECT * FROM <table> <where>
            ORDER BY <order>
            LIMIT :limit OFFSET :offset
            """)
    List<Map<String, Object>> select(@Define("table") String table, @Define("where") String where,
                                     @Define("order") String order, @BindMap Map<String, Object> parameters,
                                     @Bind("limit") long limit, @Bind("offset") long offset);

    @SqlQuery("SELECT COUNT(*) FROM <table> <where>")
    long count(@Define("table") String table, @Define("where") String where,
               @BindMap Map<String, Object> parameters);

    @SqlQuery("SELECT * FROM <table> WHERE id = :id")
    Optional<Map<String, Object>> find(@Define("table") String table, @Bind("id") long id);

    @SqlQuery("SELECT * FROM <table> WHERE <column> = :value ORDER BY id")
    List<Map<String, Object>> findBy(@Define("table") String table, @Define("column") String column,
                                     @Bind("value") Object value);

    @SqlQuery("""
            SELECT * FROM <table> WHERE <column> = :value AND <other> != :otherValue AND id != :id
            ORDER BY id LIMIT 1
            """)
    Optional<Map<String, Object>> findFirstDiffering(@Define("table") String table, @Define("column") String column,
                                                     @Bind("value") Object value, @Define("other") String other,
                                                     @Bind("otherValue") Object otherValue, @Bind("id") long id);

    @SqlQuery("SELECT owner_id, target_id FROM <joinTable> WHERE owner_id IN (<owners>) ORDER BY owner_id, position")
    List<Map<String, Object>> listMembers(@Define("joinTable") String joinTable,
                                          @BindList("owners") List<Long> owners);

    /** The other side of {@link #listMembers}: for each target, the owners whose list names it. */
    @SqlQuery("""
            SELECT target_id AS owner_id, owner_id AS target_id FROM <joinTable>
            WHERE target_id IN (<targets>) ORDER BY target_id, owner_id
            """)
    List<Map<String, Object>> listOwnersOf(@Define("joinTable") String joinTable,
                                           @BindList("targets") List<Long> targets);

    @SqlQuery("SELECT * FROM <table> WHERE <column> IN (<values>) ORDER BY id")
    List<Map<String, Object>> findIn(@Define("table") String table, @Define("column") String column,
                                     @BindList("values") List<?> values);

    @SqlUpdate("INSERT INTO <table> (<columns>) VALUES (<values>)")
    void insert(@Define("table") String table, @Define("columns") String columns, @Define("values") String values,
                @BindMap Map<String, Object> row);

    @SqlQuery("SELECT last_insert_rowid()")
    long lastInsertId();

    @SqlUpdate("UPDATE <table> SET <assignments> WHERE id = :id")
    int update(@Define("table") String table, @Define("assignments") String assignments,
               @BindMap Map<String, Object> row, @Bind("id") long id);

    @SqlUpdate("DELETE FROM <table> WHERE id = :id")
    int delete(@Define("table") String table, @Bind("id") long id);

    @SqlUpdate("DELETE FROM <table> WHERE <column> = :value")
    int deleteWhere(@Define("table") String table, @Define("column") String column, @Bind("value") Object value);

    @SqlQuery("SELECT target_id FROM <joinTable> WHERE owner_id = :owner ORDER BY position")
    List<Long> listIds(@Define("joinTable") String joinTable, @Bind("owner") long owner);

    @SqlQuery("SELECT owner_id FROM <joinTable> WHERE target_id = :target ORDER BY owner_id")
    List<Long> listOwners(@Define("joinTable") String joinTable, @Bind("target") long target);

    @SqlUpdate("DELETE FROM <joinTable> WHERE owner_id = :owner")
    void clearList(@Define("joinTable") String joinTable, @Bind("owner") long owner);

    @SqlUpdate("INSERT INTO <joinTable> (owner_id, target_id, position) VALUES (:owner, :target, :position)")
    void addToList(@Define("joinTable") String joinTable, @Bind("owner") long owner, @Bind("target") long target,
                   @Bind("position") int position);

    @SqlUpdate("DELETE FROM <joinTable> WHERE owner_id = :owner AND target_id = :target")
    void removeFromList(@Define("joinTable") String joinTable, @Bind("owner") long owner, @Bind("target") long target);

    /** Adds {@code target} at the end of {@code owner}'s list. */
    @SqlUpdate("""
            INSERT INTO <joinTable> (owner_id, target_id, position)
            SELECT :owner, :target, COALESCE(MAX(position) + 1, 0) FROM <joinTable> WHERE owner_id = :owner
            """)
    void appendToList(@Define("joinTable") String joinTable, @Bind("owner") long owner, @Bind("target") long target);

    @SqlQuery("SELECT id FROM <table> WHERE <column> = :value AND id != :id LIMIT 1")
    Optional<Long> otherWith(@Define("table") String table, @Define("column") String column,
                             @Bind("value") Object value, @Bind("id") long id);
}
