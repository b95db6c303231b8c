package dev.confab.management.resource.catalog;

import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ResourceSpec;

/**
 * What bursting's last run found, read-only, as the scheduler writes it after each run: the
 * reference's {@code status/cloud_node}, {@code cloud_monitored_location} and
 * {@code cloud_overflow_location}, and Confab's {@code cloud_bursting} (the run as a whole) and
 * {@code cloud_bursting_note} (its notes and the instances and nodes it could not pair).
 */
final class CloudStatusRecords {

    private static final String STATE_HELP = "ok; approaching threshold (free HD calls at most threshold + 2);"
            + " bursting threshold reached (at most the threshold); load unknown (not judged: no fresh load report);"
            + " no node running (an overflow location with nothing up or starting).";

    private CloudStatusRecords() {
    }

    static ResourceSpec cloudNode() {
        return ResourceSpec.builder(ResourceNames.CLOUD_NODE, "Cloud overflow node status")
                .api(ResourceNames.STATUS_API)
                .table("cloud_node_status")
                .shape(ResourceSpec.Shape.READ_ONLY)
                .displayField("cloud_instance_id")
                .defaultOrder("workervm_configuration_name")
                .field(FieldSpec.string("cloud_instance_id").readOnly().help("The EC2 instance id."))
                .field(FieldSpec.string("cloud_instance_name").readOnly().help("The instance's Name tag."))
                .field(FieldSpec.string("cloud_instance_state").readOnly()
                        .help("The instance's state as EC2 last described it: pending, running, stopping, stopped."))
                .field(FieldSpec.string("cloud_instance_ip").readOnly().help("The instance's private IPv4 address."))
                .field(FieldSpec.string("cloud_instance_public_ip").readOnly()
                        .help("The instance's public IPv4 address while it has one."))
                .field(FieldSpec.string("cloud_instance_type").readOnly().help("The instance type."))
                .field(FieldSpec.datetime("cloud_instance_launch_time").nullable().readOnly()
                        .help("When EC2 last launched (started) the instance (UTC)."))
                .field(FieldSpec.datetime("running_since").nullable().readOnly()
                        .help("When it last started: the later of its launch time and the last start Confab asked"
                                + " for (UTC); the minimum lifetime runs from it."))
                .field(FieldSpec.string("load_status").readOnly().help("reporting (a fresh load report since its"
                        + " start), stale, or unknown (no report since the Management Node started)."))
                .field(FieldSpec.integer("max_hd_calls").readOnly().help("HD calls the node hosts when empty."))
                .field(FieldSpec.integer("free_hd_calls").readOnly().help("Free HD calls by its last load report."))
                .field(FieldSpec.integer("media_load").readOnly().help("Media load in percent by its last report."))
                .field(FieldSpec.integer("workervm_configuration_id").nullable().readOnly()
                        .help("The Conferencing Node whose address is the instance's private address; null when"
                                + " none is (see status/cloud_bursting_note)."))
                .field(FieldSpec.string("workervm_configuration_name").readOnly().help("That node's name."))
                .field(FieldSpec.string("workervm_configuration_location_name").readOnly()
                        .help("That node's system location."))
                .build();
    }

    static ResourceSpec monitoredLocation() {
        return ResourceSpec.builder(ResourceNames.CLOUD_MONITORED_LOCATION, "Monitored location status")
                .api(ResourceNames.STATUS_API)
                .table("cloud_monitored_location_status")
                .shape(ResourceSpec.Shape.READ_ONLY)
                .defaultOrder("name")
                .field(FieldSpec.string("name").readOnly().help("The location's name; its id is the system location's."))
                .field(FieldSpec.integer("free_hd_calls").readOnly().help("Free HD calls of its nodes with a fresh"
                        + " load report (nodes in maintenance mode add none)."))
                .field(FieldSpec.integer("max_hd_calls").readOnly().help("HD calls those nodes host when empty."))
                .field(FieldSpec.integer("media_load").readOnly().help("Media load of those nodes in percent."))
                .field(FieldSpec.string("overflow_location").readOnly()
                        .help("Its primary overflow location, where overflow nodes are started for it."))
                .field(FieldSpec.integer("threshold").readOnly().help("The bursting threshold (free HD calls)."))
                .field(FieldSpec.integer("effective_threshold").readOnly().help("The threshold the policy compared"
                        + " with: the configured one, or higher with bursting_latency_aware (the HD calls expected"
                        + " to arrive while an overflow node starts)."))
                .field(FieldSpec.integer("minutes_to_exhaustion").nullable().readOnly().help("Whole minutes until its free HD calls"
                        + " are used up at the rate calls arrived at its nodes in the last 10 minutes (calls ending"
                        + " not counted); null when no call arrived."))
                .field(FieldSpec.string("state").readOnly().help(STATE_HELP))
                .build();
    }

    static ResourceSpec overflowLocation() {
        return ResourceSpec.builder(ResourceNames.CLOUD_OVERFLOW_LOCATION, "Overflow location status")
                .api(ResourceNames.STATUS_API)
                .table("cloud_overflow_location_status")
                .shape(ResourceSpec.Shape.READ_ONLY)
                .defaultOrder("name")
                .field(FieldSpec.string("name").readOnly().help("The location's name."))
                .field(FieldSpec.integer("systemlocation_id").readOnly().help("The system location's id."))
                .field(FieldSpec.integer("free_hd_calls").readOnly()
                        .help("Free HD calls of its overflow nodes that are up and reporting."))
                .field(FieldSpec.integer("max_hd_calls").readOnly().help("HD calls those nodes host when empty."))
                .field(FieldSpec.integer("starting_hd_calls").readOnly()
                        .help("HD calls of its nodes that are starting (pending capacity), the run's starts included."))
                .field(FieldSpec.integer("media_load").readOnly().help("Media load of its nodes that are up, in"
                        + " percent."))
                .field(FieldSpec.integer("threshold").readOnly().help("The bursting threshold (free HD calls)."))
                .field(FieldSpec.integer("effective_threshold").readOnly().help("The threshold the policy compared"
                        + " with: the configured one, or higher with bursting_latency_aware (the HD calls expected"
                        + " to arrive while an overflow node starts)."))
                .field(FieldSpec.integer("minutes_to_exhaustion").nullable().readOnly().help("Whole minutes until its free HD calls and"
                        + " those of the locations overflowing first to it are used up at the rate calls arrived at"
                        + " all their nodes in the last 10 minutes (calls ending not counted); null when no call"
                        + " arrived."))
                .field(FieldSpec.string("state").readOnly().help("Of its free and starting HD calls together: "
                        + STATE_HELP))
                .build();
    }

    static ResourceSpec bursting() {
        return ResourceSpec.builder(ResourceNames.CLOUD_BURSTING, "Cloud bursting status")
                .api(ResourceNames.STATUS_API)
                .table("cloud_bursting_status")
                .shape(ResourceSpec.Shape.READ_ONLY)
                .field(FieldSpec.bool("bursting_enabled", false).readOnly()
                        .help("Whether overflow nodes are started automatically."))
                .field(FieldSpec.datetime("last_run_time").nullable().readOnly()
                        .help("When bursting last decided (UTC): at each load change and every 10 s."))
                .field(FieldSpec.datetime("last_described_time").nullable().readOnly()
                        .help("When EC2 last described the overflow instances (UTC)."))
                .field(FieldSpec.string("describe_error").readOnly().help("Why the last DescribeInstances failed;"
                        + " blank when it succeeded. Nothing is started or stopped while EC2 cannot be described."))
                .field(FieldSpec.string("circuit_breaker").readOnly().help("closed, or open: automatic starts are"
                        + " paused after repeated EC2 errors."))
                .field(FieldSpec.datetime("circuit_breaker_until").nullable().readOnly()
                        .help("While open, when automatic starts resume (UTC)."))
                .field(FieldSpec.integer("running_nodes").readOnly()
                        .help("Overflow nodes whose instance EC2 last described as pending or running."))
                .field(FieldSpec.integer("max_running_nodes").readOnly()
                        .help("The guardrail: bursting_max_running_nodes."))
                .field(FieldSpec.integer("min_lifetime_seconds").readOnly().help("The minimum lifetime in effect:"
                        + " bursting_min_lifetime, unless the Management Node was started with"
                        + " --bursting-min-lifetime-seconds."))
                .field(FieldSpec.string("last_actions").readOnly()
                        .help("The starts and stops of the last run that decided any, one a line, with their reasons."))
                .build();
    }

    static ResourceSpec notes() {
        return ResourceSpec.builder(ResourceNames.CLOUD_BURSTING_NOTE, "Cloud bursting note")
                .api(ResourceNames.STATUS_API)
                .table("cloud_bursting_note")
                .shape(ResourceSpec.Shape.READ_ONLY)
                .displayField("message")
                .defaultOrder("id")
                .field(FieldSpec.string("kind").readOnly().help("platform (a remark on bursting as a whole: disabled,"
                        + " circuit breaker, guardrail), location (on one location), or an issue pairing instances"
                        + " with nodes: instance_without_node, node_without_instance, address_shared."))
                .field(FieldSpec.string("location_name").readOnly().help("The location a location note is about."))
                .field(FieldSpec.string("cloud_instance_id").readOnly().help("The EC2 instance an issue is about."))
                .field(FieldSpec.integer("workervm_configuration_id").nullable().readOnly()
                        .help("The Conferencing Node an issue is about."))
                .field(FieldSpec.string("message").readOnly().help("What was found, and what to do."))
                .build();
    }
}
