package dev.confab.management.store;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

import java.util.List;

/**
 * Bursting's records: the Conferencing Node history ({@code workervm_status_event}) it appends to
 * and reads back after a restart, and the {@code cloud_*} status tables it rewrites after each run.
 */
@RegisterConstructorMapper(WorkerVmEvent.class)
public interface BurstingDao {

    @SqlUpdate("""
            INSERT INTO workervm_status_event (time_changed, event_type, state, context, details, workervm_address,
                                               workervm_configuration_id, workervm_configuration_name,
                                               workervm_configuration_location_name, cloud_instance_id, error_code)
            VALUES (:timeChanged, :eventType, :state, :context, :details, :workervmAddress, :workervmConfigurationId,
                    :workervmConfigurationName, :workervmConfigurationLocationName, :cloudInstanceId, :errorCode)
            """)
    void appendEvent(@BindMethods WorkerVmEvent event);

    /** The newest event of each instance whose type is one of {@code types}. */
    @SqlQuery("""
            SELECT time_changed, event_type, state, context, details, workervm_address, workervm_configuration_id,
                   workervm_configuration_name, workervm_configuration_location_name, cloud_instance_id, error_code
            FROM workervm_status_event
            WHERE id IN (SELECT MAX(id) FROM workervm_status_event
                         WHERE cloud_instance_id <> '' AND event_type IN (<types>) GROUP BY cloud_instance_id)
            ORDER BY id
            """)
    List<WorkerVmEvent> newestOfEachInstance(@org.jdbi.v3.sqlobject.customizer.BindList("types") List<String> types);

    /** The failed events at or after {@code since} (API time format), oldest first. */
    @SqlQuery("""
            SELECT time_changed, event_type, state, context, details, workervm_address, workervm_configuration_id,
                   workervm_configuration_name, workervm_configuration_location_name, cloud_instance_id, error_code
            FROM workervm_status_event
            WHERE event_type IN ('start_failed', 'stop_failed') AND time_changed >= :since
            ORDER BY id
            """)
    List<WorkerVmEvent> failuresSince(@Bind("since") String since);

    /**
     * The newest {@code limit} start and running events at or after {@code since} (API time
     * format), oldest first: the measured starts of overflow nodes.
     */
    @SqlQuery("""
            SELECT time_changed, event_type, state, context, details, workervm_address, workervm_configuration_id,
                   workervm_configuration_name, workervm_configuration_location_name, cloud_instance_id, error_code
            FROM (
                SELECT id, time_changed, event_type, state, context, details, workervm_address,
                       workervm_configuration_id, workervm_configuration_name, workervm_configuration_location_name,
                       cloud_instance_id, error_code
                FROM workervm_status_event
                WHERE event_type IN ('start', 'running') AND cloud_instance_id <> '' AND time_changed >= :since
                ORDER BY id DESC LIMIT :limit)
            ORDER BY id
            """)
    List<WorkerVmEvent> startsSince(@Bind("since") String since, @Bind("limit") int limit);

    @SqlUpdate("""
            UPDATE cloud_bursting_status SET bursting_enabled = :burstingEnabled, last_run_time = :lastRunTime,
                last_described_time = :lastDescribedTime, describe_error = :describeError,
                circuit_breaker = :circuitBreaker, circuit_breaker_until = :circuitBreakerUntil,
                running_nodes = :runningNodes, max_running_nodes = :maxRunningNodes,
                min_lifetime_seconds = :minLifetimeSeconds, last_actions = :lastActions
            WHERE id = 1
            """)
    void updateSummary(@BindMethods CloudStatusRows.Summary summary);

    @SqlUpdate("DELETE FROM cloud_node_status")
    void clearNodes();

    @SqlBatch("""
            INSERT INTO cloud_node_status (cloud_instance_id, cloud_instance_name, cloud_instance_state,
                cloud_instance_ip, cloud_instance_public_ip, cloud_instance_type, cloud_instance_launch_time,
                running_since, load_status, max_hd_calls, free_hd_calls, media_load, workervm_configuration_id,
                workervm_configuration_name, workervm_configuration_location_name)
            VALUES (:cloudInstanceId, :cloudInstanceName, :cloudInstanceState, :cloudInstanceIp, :cloudInstancePublicIp,
                :cloudInstanceType, :cloudInstanceLaunchTime, :runningSince, :loadStatus, :maxHdCalls, :freeHdCalls,
                :mediaLoad, :workervmConfigurationId, :workervmConfigurationName, :workervmConfigurationLocationName)
            """)
    void insertNodes(@BindMethods List<CloudStatusRows.Node> nodes);

    @SqlUpdate("DELETE FROM cloud_monitored_location_status")
    void clearMonitored();

    @SqlBatch("""
            INSERT INTO cloud_monitored_location_status (id, name, free_hd_calls, max_hd_calls, media_load,
                overflow_location, threshold, state, effective_threshold, minutes_to_exhaustion)
            VALUES (:id, :name, :freeHdCalls, :maxHdCalls, :mediaLoad, :overflowLocation, :threshold, :state,
                :effectiveThreshold, :minutesToExhaustion)
            """)
    void insertMonitored(@BindMethods List<CloudStatusRows.Location> locations);

    @SqlUpdate("DELETE FROM cloud_overflow_location_status")
    void clearOverflow();

    @SqlBatch("""
            INSERT INTO cloud_overflow_location_status (id, name, systemlocation_id, free_hd_calls, max_hd_calls,
                starting_hd_calls, media_load, threshold, state, effective_threshold, minutes_to_exhaustion)
            VALUES (:id, :name, :id, :freeHdCalls, :maxHdCalls, :startingHdCalls, :mediaLoad, :threshold, :state,
                :effectiveThreshold, :minutesToExhaustion)
            """)
    void insertOverflow(@BindMethods List<CloudStatusRows.Location> locations);

    @SqlUpdate("DELETE FROM cloud_bursting_note")
    void clearNotes();

    @SqlBatch("""
            INSERT INTO cloud_bursting_note (kind, location_name, cloud_instance_id, workervm_configuration_id, message)
            VALUES (:kind, :locationName, :cloudInstanceId, :workervmConfigurationId, :message)
            """)
    void insertNotes(@BindMethods List<CloudStatusRows.Note> notes);

    /**
     * Writes the run's summary, and replaces the other tables' rows when {@code withLists} (they
     * changed since the last write).
     */
    @Transaction
    default void writeStatus(CloudStatusRows rows, boolean withLists) {
        updateSummary(rows.summary());
        if (!withLists) {
            return;
        }
        clearNodes();
        insertNodes(rows.nodes());
        clearMonitored();
        insertMonitored(rows.monitored());
        clearOverflow();
        insertOverflow(rows.overflow());
        clearNotes();
        insertNotes(rows.notes());
    }
}
