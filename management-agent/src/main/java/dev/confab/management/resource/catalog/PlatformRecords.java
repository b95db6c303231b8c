package dev.confab.management.resource.catalog;

import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ResourceSpec;

/**
 * Read-only records the platform writes about itself: alarms ({@code status/alarm}) and the
 * Conferencing Node history ({@code history/workervm_status_event}).
 */
final class PlatformRecords {

    private PlatformRecords() {
    }

    static ResourceSpec alarm() {
        return alarmFields(ResourceSpec.builder(ResourceNames.ALARM, "Alarm")
                .api(ResourceNames.STATUS_API)
                .shape(ResourceSpec.Shape.READ_ONLY)
                .defaultOrder("-time_raised"))
                .field(FieldSpec.bool("acknowledged", false).readOnly().help("Whether an operator has acknowledged it."))
                .field(FieldSpec.datetime("time_raised").readOnly().help("When it was raised (UTC)."))
                .build();
    }

    /** The fields an active alarm and an alarm history entry share. */
    static ResourceSpec.Builder alarmFields(ResourceSpec.Builder builder) {
        return builder
                .field(FieldSpec.integer("identifier").readOnly().help("Number of the kind of alarm."))
                .field(FieldSpec.string("name").readOnly().help("What is wrong, e.g. Connectivity lost between nodes."))
                .field(FieldSpec.string("level").readOnly().help("error, warning or critical."))
                .field(FieldSpec.string("details").readOnly().help("Details of the cause."))
                .field(FieldSpec.string("instance").readOnly().help("The object the alarm is about."))
                .field(FieldSpec.string("node").readOnly().help("The node that raised the alarm."));
    }

    static ResourceSpec nodeHistory() {
        return ResourceSpec.builder(ResourceNames.WORKERVM_STATUS_EVENT, "Conferencing Node history event")
                .api(ResourceNames.HISTORY_API)
                .shape(ResourceSpec.Shape.READ_ONLY)
                .displayField("workervm_configuration_name")
                .defaultOrder("-time_changed")
                .field(FieldSpec.datetime("time_changed").readOnly().help("When it happened (UTC)."))
                .field(FieldSpec.string("event_type").readOnly().help("start (EC2 accepted a start), start_failed,"
                        + " running (the node's first load report after its start), stop (EC2 accepted a stop),"
                        + " stop_failed, or stopped (EC2 describes the instance as stopped)."))
                .field(FieldSpec.string("state").readOnly().help("The instance state after the event: pending,"
                        + " running, stopping or stopped."))
                .field(FieldSpec.string("context").readOnly().help("Who caused the event: bursting, or the"
                        + " administrator who started the node."))
                .field(FieldSpec.string("details").readOnly().help("The reason."))
                .field(FieldSpec.string("workervm_address").readOnly().help("The node's address."))
                .field(FieldSpec.integer("workervm_configuration_id").nullable().readOnly().help("The node's id."))
                .field(FieldSpec.string("workervm_configuration_name").readOnly().help("The node's name."))
                .field(FieldSpec.string("workervm_configuration_location_name").readOnly()
                        .help("The node's system location."))
                .field(FieldSpec.string("cloud_instance_id").readOnly().help("The node's EC2 instance."))
                .build();
    }
}
