package dev.confab.management.store;

import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;

/** Appends to the administrator log (who, what, when, from where). Read through the history API. */
public interface AdminLogDao {

    @SqlUpdate("""
            INSERT INTO admin_log (time, user, address, action, resource, object_id, object_name, details, revision)
            VALUES (:time, :user, :address, :action, :resource, :objectId, :objectName, :details, :revision)
            """)
    void append(@BindMethods AdminLogEntry entry);

    /** Appends {@code entries} in order, as one prepared statement run for each. */
    @SqlBatch("""
            INSERT INTO admin_log (time, user, address, action, resource, object_id, object_name, details, revision)
            VALUES (:time, :user, :address, :action, :resource, :objectId, :objectName, :details, :revision)
            """)
    void appendAll(@BindMethods List<AdminLogEntry> entries);
}
