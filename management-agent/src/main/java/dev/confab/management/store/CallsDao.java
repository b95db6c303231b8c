package dev.confab.management.store;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;

/**
 * The calls in progress ({@code participant_status}, {@code conference_status}) and ended
 * ({@code participant_history}, {@code conference_history}).
 */
public interface CallsDao {

    /** A conference that ended, for its history row. */
    record EndedConference(String name, String serviceType, String tag, String startTime, String endTime,
                           long duration, int participantCount) {
    }

    /** A conference in progress. */
    record StartedConference(String name, String serviceType, String tag, String startTime, int participantCount) {
    }

    @SqlBatch("""
            INSERT INTO participant_status (uuid, conference, service_type, display_name, destination_alias, protocol,
                                            role, call_direction, call_type, call_quality_class, media_node,
                                            signalling_node, system_location, connect_time)
            VALUES (:uuid, :conference, :serviceType, :displayName, :destinationAlias, :protocol, :role,
                    :callDirection, :callType, :callType, :mediaNode, :signallingNode, :systemLocation, :connectTime)
            ON CONFLICT (uuid) DO UPDATE SET
                display_name = excluded.display_name, role = excluded.role, call_type = excluded.call_type,
                call_quality_class = excluded.call_quality_class, media_node = excluded.media_node,
                signalling_node = excluded.signalling_node, system_location = excluded.system_location
            """)
    void upsertParticipants(@BindMethods List<ParticipantRow> rows);

    @SqlBatch("DELETE FROM participant_status WHERE uuid = :uuid")
    void deleteParticipants(@Bind("uuid") List<String> uuids);

    @SqlBatch("""
            INSERT INTO participant_history (uuid, conference, service_type, display_name, destination_alias, protocol,
                                             role, call_direction, call_type, call_quality_class, media_node,
                                             signalling_node, system_location, connect_time, disconnect_time,
                                             duration, disconnect_reason)
            VALUES (:row.uuid, :row.conference, :row.serviceType, :row.displayName, :row.destinationAlias,
                    :row.protocol, :row.role, :row.callDirection, :row.callType, :row.callType, :row.mediaNode,
                    :row.signallingNode, :row.systemLocation, :row.connectTime, :disconnectTime, :duration, :reason)
            """)
    void insertParticipantHistory(@BindMethods("row") List<ParticipantRow> rows,
                                  @Bind("disconnectTime") List<String> disconnectTimes,
                                  @Bind("duration") List<Long> durations, @Bind("reason") List<String> reasons);

    @SqlBatch("""
            INSERT INTO conference_status (name, service_type, start_time, tag, participant_count)
            VALUES (:name, :serviceType, :startTime, :tag, :participantCount)
            ON CONFLICT (name) DO UPDATE SET participant_count = excluded.participant_count
            """)
    void upsertConferences(@BindMethods List<StartedConference> conferences);

    @SqlBatch("DELETE FROM conference_status WHERE name = :name")
    void deleteConferences(@Bind("name") List<String> names);

    @SqlBatch("""
            INSERT INTO conference_history (name, service_type, tag, start_time, end_time, duration, participant_count)
            VALUES (:name, :serviceType, :tag, :startTime, :endTime, :duration, :participantCount)
            """)
    void insertConferenceHistory(@BindMethods List<EndedConference> conferences);

    /** Clears the calls in progress: at start, before the nodes report what goes on. */
    @SqlUpdate("DELETE FROM participant_status")
    int clearParticipants();

    @SqlUpdate("DELETE FROM conference_status")
    int clearConferences();

    @SqlQuery("SELECT uuid FROM participant_status WHERE id = :id")
    java.util.Optional<String> participantUuid(@Bind("id") long id);

    @SqlQuery("SELECT name FROM conference_status WHERE id = :id")
    java.util.Optional<String> conferenceName(@Bind("id") long id);
}
