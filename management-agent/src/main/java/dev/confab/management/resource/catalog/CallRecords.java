package dev.confab.management.resource.catalog;

import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ResourceSpec;

/**
 * Read-only records of calls: the conferences and participants in progress ({@code status/conference},
 * {@code status/participant}) and ended ({@code history/conference}, {@code history/participant}).
 */
final class CallRecords {

    private CallRecords() {
    }

    static ResourceSpec conferenceStatus() {
        return ResourceSpec.builder(ResourceNames.CONFERENCE, "Conference in progress")
                .api(ResourceNames.STATUS_API)
                .table("conference_status")
                .shape(ResourceSpec.Shape.READ_ONLY)
                .defaultOrder("name")
                .field(FieldSpec.string("name").readOnly().help("The Virtual Meeting Room's or Virtual Auditorium's"
                        + " name."))
                .field(FieldSpec.string("service_type").readOnly().help("conference or lecture."))
                .field(FieldSpec.bool("is_started", true).readOnly().help("Whether it has started: always true while"
                        + " it has participants."))
                .field(FieldSpec.bool("is_locked", false).readOnly().help("Whether it is locked: Confab does not lock"
                        + " conferences."))
                .field(FieldSpec.datetime("start_time").readOnly().help("When its first participant connected (UTC)."))
                .field(FieldSpec.string("tag").readOnly().help("The service's tag."))
                .field(FieldSpec.integer("participant_count").readOnly().help("Participants who have joined it since"
                        + " it started."))
                .build();
    }

    static ResourceSpec participantStatus() {
        return participantFields(ResourceSpec.builder(ResourceNames.PARTICIPANT, "Participant in progress")
                .api(ResourceNames.STATUS_API)
                .table("participant_status")
                .shape(ResourceSpec.Shape.READ_ONLY)
                .defaultOrder("connect_time"))
                .build();
    }

    static ResourceSpec participantHistory() {
        return participantFields(ResourceSpec.builder(ResourceNames.PARTICIPANT, "Participant history entry")
                .api(ResourceNames.HISTORY_API)
                .table("participant_history")
                .shape(ResourceSpec.Shape.READ_ONLY)
                .defaultOrder("-disconnect_time"))
                .field(FieldSpec.datetime("disconnect_time").readOnly().help("When the call ended (UTC)."))
                .field(FieldSpec.integer("duration").readOnly().help("How long the call lasted, in seconds."))
                .field(FieldSpec.string("disconnect_reason").readOnly().help("Why it ended: ended (released, or its"
                        + " token expired), node declared lost, the node started anew …"))
                .build();
    }

    private static ResourceSpec.Builder participantFields(ResourceSpec.Builder builder) {
        return builder
                .field(FieldSpec.string("uuid").readOnly().help("The participant's id, as the client API gave it."))
                .field(FieldSpec.string("conference").readOnly().help("The conference's name."))
                .field(FieldSpec.string("service_type").readOnly().help("conference or lecture."))
                .field(FieldSpec.string("display_name").readOnly().help("The name the participant gave."))
                .field(FieldSpec.string("source_alias").readOnly().help("Who called: empty for client API calls."))
                .field(FieldSpec.string("destination_alias").readOnly().help("The alias called."))
                .field(FieldSpec.string("protocol").readOnly().help("How the call came in: API (the client API)."))
                .field(FieldSpec.string("role").readOnly().help("chair (host) or guest."))
                .field(FieldSpec.string("call_direction").readOnly().help("in: the participant called the service."))
                .field(FieldSpec.string("call_type").readOnly().help("full_hd, hd, sd or audio: the call type admitted."))
                .field(FieldSpec.string("call_quality_class").readOnly().help("The same as call_type."))
                .field(FieldSpec.string("media_node").readOnly().help("The node whose capacity the call takes."))
                .field(FieldSpec.string("signalling_node").readOnly().help("The node that received the call."))
                .field(FieldSpec.string("system_location").readOnly().help("The media node's location."))
                .field(FieldSpec.datetime("connect_time").readOnly().help("When the call was admitted (UTC)."));
    }

    static ResourceSpec conferenceHistory() {
        return ResourceSpec.builder(ResourceNames.CONFERENCE, "Conference history entry")
                .api(ResourceNames.HISTORY_API)
                .table("conference_history")
                .shape(ResourceSpec.Shape.READ_ONLY)
                .defaultOrder("-end_time")
                .field(FieldSpec.string("name").readOnly().help("The service's name."))
                .field(FieldSpec.string("service_type").readOnly().help("conference or lecture."))
                .field(FieldSpec.string("tag").readOnly().help("The service's tag."))
                .field(FieldSpec.datetime("start_time").readOnly().help("When its first participant connected (UTC)."))
                .field(FieldSpec.datetime("end_time").readOnly().help("When its last participant left (UTC)."))
                .field(FieldSpec.integer("duration").readOnly().help("How long it lasted, in seconds."))
                .field(FieldSpec.integer("participant_count").readOnly().help("Participants who joined it."))
                .build();
    }
}
