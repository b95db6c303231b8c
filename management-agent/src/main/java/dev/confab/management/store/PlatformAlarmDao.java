package dev.confab.management.store;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

import java.util.List;

/**
 * Alarms about the platform rather than one node (no {@code node_id}), told apart by identifier and
 * {@code instance}. They are raised with {@link NodeStatusDao#raise}.
 */
public interface PlatformAlarmDao {

    /** The {@code instance} of each active alarm of this identifier. */
    @SqlQuery("SELECT instance FROM alarm WHERE identifier = :identifier AND node_id IS NULL ORDER BY id")
    List<String> activeInstances(@Bind("identifier") int identifier);

    @SqlUpdate("""
            UPDATE alarm_history SET time_cleared = :time
            WHERE identifier = :identifier AND instance = :instance AND node_id IS NULL AND time_cleared IS NULL
            """)
    int closeHistory(@Bind("identifier") int identifier, @Bind("instance") String instance, @Bind("time") String time);

    @SqlUpdate("DELETE FROM alarm WHERE identifier = :identifier AND instance = :instance AND node_id IS NULL")
    int deleteActive(@Bind("identifier") int identifier, @Bind("instance") String instance);

    /** Clears the alarm of this identifier and instance; returns how many were active. */
    @Transaction
    default int clear(int identifier, String instance, String time) {
        closeHistory(identifier, instance, time);
        return deleteActive(identifier, instance);
    }
}
