package dev.confab.management.store;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

import java.util.List;

/**
 * The single global configuration revision and the record of which changes produced each: one row
 * per object a revision changed (a bulk write changes several objects in one revision).
 */
public interface RevisionDao {

    /** One object a revision changed, and how ({@code created}, {@code updated} or {@code deleted}). */
    record ChangedObject(long revision, String resource, long objectId, String action) {
    }

    /** The objects changed by the revisions after {@code after} up to {@code upTo}, in the order they were. */
    @SqlQuery("""
            SELECT revision, resource, object_id, action FROM config_change
            WHERE revision > :after AND revision <= :upTo ORDER BY revision, rowid
            """)
    @RegisterConstructorMapper(ChangedObject.class)
    List<ChangedObject> changedAfter(@Bind("after") long after, @Bind("upTo") long upTo);

    @SqlQuery("SELECT value FROM config_revision WHERE id = 1")
    long current();

    @SqlUpdate("UPDATE config_revision SET value = value + 1 WHERE id = 1")
    void increment();

    @SqlUpdate("""
            INSERT INTO config_change (revision, time, resource, object_id, action)
            VALUES (:revision, :time, :resource, :objectId, :action)
            """)
    void recordChange(@Bind("revision") long revision, @Bind("time") String time, @Bind("resource") String resource,
                      @Bind("objectId") long objectId, @Bind("action") String action);

    /** Increments the revision and returns the new one; call inside the write's transaction. */
    @Transaction
    default long advance() {
        increment();
        return current();
    }
}
