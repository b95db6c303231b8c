package dev.confab.management.store;

import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Appends to the administrator log (who, what, when, from where). Read through the history API. */
public interface AdminLogDao {

    @SqlUpdate("""
            INSERT INTO admin_log (time, user, address, action, resource, object_id, object_name, details, revision)
            VALUES (:time, :user, :address, :action, :resource, :objectId, :objectName, :details, :revision)
            """)
    void append(@BindMethods AdminLogEntry entry);
}
