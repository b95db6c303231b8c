package dev.confab.management.store;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

import java.util.List;

/** What nodes report over the node channel, and the alarms and alarm history it raises and clears. */
@RegisterConstructorMapper(NodeStatusRow.class)
public interface NodeStatusDao {

    /** A system location's media load in percent. */
    record LocationLoad(String name, int mediaLoad) {
    }

    /** A node's name and address, as health events name it. */
    record NodeName(long id, String name, String address) {
    }

    /** The names and addresses of those of the nodes {@code ids} that exist. */
    @SqlQuery("SELECT id, name, address FROM worker_vm WHERE id IN (<ids>)")
    @RegisterConstructorMapper(NodeName.class)
    List<NodeName> namesAmong(@BindList("ids") List<Long> ids);

    @SqlQuery("SELECT name, media_load FROM system_location_status ORDER BY name")
    @RegisterConstructorMapper(LocationLoad.class)
    List<LocationLoad> locationLoads();

    @SqlBatch("""
            INSERT INTO node_status (node_id, version, boot_time, last_attempted_contact, last_updated,
                                     applied_revision, reachable, reported_maintenance, media_load,
                                     max_full_hd_calls, max_hd_calls, max_sd_calls, max_audio_calls,
                                     media_tokens_used, max_media_tokens, cpu_count, total_ram)
            VALUES (:nodeId, :version, :bootTime, :lastAttemptedContact, :lastUpdated, :appliedRevision, :reachable,
                    :reportedMaintenance, :mediaLoad, :maxFullHdCalls, :maxHdCalls, :maxSdCalls, :maxAudioCalls,
                    :mediaTokensUsed, :maxMediaTokens, :cpuCount, :totalRam)
            ON CONFLICT (node_id) DO UPDATE SET
                version = excluded.version, boot_time = excluded.boot_time,
                last_attempted_contact = excluded.last_attempted_contact, last_updated = excluded.last_updated,
                applied_revision = excluded.applied_revision, reachable = excluded.reachable,
                reported_maintenance = excluded.reported_maintenance, media_load = excluded.media_load,
                max_full_hd_calls = excluded.max_full_hd_calls, max_hd_calls = excluded.max_hd_calls,
                max_sd_calls = excluded.max_sd_calls, max_audio_calls = excluded.max_audio_calls,
                media_tokens_used = excluded.media_tokens_used, max_media_tokens = excluded.max_media_tokens,
                cpu_count = excluded.cpu_count, total_ram = excluded.total_ram
            """)
    void upsert(@BindMethods List<NodeStatusRow> rows);

    @SqlQuery("SELECT * FROM node_status ORDER BY node_id")
    List<NodeStatusRow> all();

    @SqlQuery("SELECT DISTINCT node_id FROM alarm WHERE identifier = :identifier AND node_id IS NOT NULL")
    List<Long> nodesWithAlarm(@Bind("identifier") int identifier);

    @SqlUpdate("DELETE FROM node_status WHERE node_id = :node")
    int deleteStatus(@Bind("node") long nodeId);

    /** The next alarm id: past every alarm's, active or in the history, as a cleared alarm's row is deleted. */
    @SqlQuery("SELECT MAX(COALESCE((SELECT MAX(id) FROM alarm), 0), COALESCE((SELECT MAX(id) FROM alarm_history), 0)) + 1")
    long nextAlarmId();

    @SqlUpdate("""
            INSERT INTO alarm (id, identifier, name, level, details, instance, node, node_id, time_raised)
            VALUES (:id, :identifier, :name, :level, :details, :instance, :node, :nodeId, :timeRaised)
            """)
    void insertAlarm(@Bind("id") long id, @BindMethods AlarmRecord alarm);

    @SqlUpdate("""
            INSERT INTO alarm_history (id, identifier, name, level, details, instance, node, node_id, time_raised)
            VALUES (:id, :identifier, :name, :level, :details, :instance, :node, :nodeId, :timeRaised)
            """)
    void insertHistory(@Bind("id") long id, @BindMethods AlarmRecord alarm);

    /** Raises an alarm: active in {@code alarm}, and in {@code alarm_history} until cleared. */
    @Transaction
    default long raise(AlarmRecord alarm) {
        long id = nextAlarmId();
        insertAlarm(id, alarm);
        insertHistory(id, alarm);
        return id;
    }

    @SqlUpdate("""
            UPDATE alarm_history SET time_cleared = :time
            WHERE node_id = :node AND identifier = :identifier AND time_cleared IS NULL
            """)
    int closeHistory(@Bind("node") long nodeId, @Bind("identifier") int identifier, @Bind("time") String time);

    @SqlUpdate("DELETE FROM alarm WHERE node_id = :node AND identifier = :identifier")
    int deleteAlarms(@Bind("node") long nodeId, @Bind("identifier") int identifier);

    /** Clears a node's alarms of one kind; returns how many were active. */
    @Transaction
    default int clear(long nodeId, int identifier, String time) {
        closeHistory(nodeId, identifier, time);
        return deleteAlarms(nodeId, identifier);
    }
}
