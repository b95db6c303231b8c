package dev.confab.management.store;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * The single global configuration revision and the record of which changes produced each: one row
 * per object a revision changed (a bulk write changes several objects in one revision).
 */
public interface RevisionDao {

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
