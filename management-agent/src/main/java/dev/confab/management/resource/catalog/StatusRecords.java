package dev.confab.management.resource.catalog;

import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ResourceSpec;

/**
 * Read-only status the node channel keeps: {@code status/worker_vm} and {@code status/system_location}
 * (views over the configuration and the nodes' last heartbeats) and {@code history/alarm}.
 */
final class StatusRecords {

    private StatusRecords() {
    }

    static ResourceSpec workerVm() {
        ResourceSpec.Builder builder = ResourceSpec.builder(ResourceNames.WORKER_VM, "Conferencing Node status")
                .api(ResourceNames.STATUS_API)
                .table("worker_vm_status")
                .shape(ResourceSpec.Shape.READ_ONLY)
                .defaultOrder("name")
                .field(FieldSpec.integer("configuration_id").readOnly().help("The node's id in the configuration API."))
                .field(FieldSpec.string("name").readOnly().help("The node's name."))
                .field(FieldSpec.string("node_type").readOnly().help("CONFERENCING or PROXYING."))
                .field(FieldSpec.string("system_location").readOnly().help("The name of the node's system location."))
                .field(FieldSpec.string("version").readOnly().help("The software version the node reports."))
                .field(FieldSpec.datetime("boot_time").nullable().readOnly().help("When the node's agent started (UTC)."))
                .field(FieldSpec.datetime("last_attempted_contact").nullable().readOnly()
                        .help("When the node last sent a heartbeat (UTC); null until it has."))
                .field(FieldSpec.datetime("last_updated").nullable().readOnly()
                        .help("When the node applied the newest configuration revision it holds (UTC); null until it has."))
                .field(FieldSpec.string("sync_status").readOnly().help("UNREACHABLE until the node reports, and while"
                        + " it is silent; SYNCED once it has applied the newest revision; SYNCING in between."))
                .field(FieldSpec.string("deploy_status").readOnly()
                        .help("DEPLOYED once the node has enrolled, else NOT_DEPLOYED."))
                .field(FieldSpec.string("upgrade_status").readOnly()
                        .help("IDLE: no software upgrade is running (Confab upgrades by package, outside the API)."))
                .field(FieldSpec.bool("maintenance_mode", false).readOnly().help("Whether the node is in maintenance"
                        + " mode: it takes no new conferences; calls of the conferences it hosts go on."))
                .field(FieldSpec.string("maintenance_mode_reason").readOnly().help("Why."))
                .field(FieldSpec.integer("applied_revision").readOnly().help("The revision the node has applied."));
        for (String field : new String[] {"media_load", "max_full_hd_calls", "max_hd_calls", "max_sd_calls",
                "max_audio_calls", "media_tokens_used", "max_media_tokens", "free_hd_calls", "cpu_count",
                "total_ram"}) {
            builder.field(FieldSpec.integer(field).readOnly().help(CapacityHelp.of(field)));
        }
        return builder.build();
    }

    static ResourceSpec systemLocation() {
        ResourceSpec.Builder builder = ResourceSpec.builder(ResourceNames.SYSTEM_LOCATION, "System location status")
                .api(ResourceNames.STATUS_API)
                .table("system_location_status")
                .shape(ResourceSpec.Shape.READ_ONLY)
                .defaultOrder("name")
                .field(FieldSpec.string("name").readOnly().help("The location's name."));
        for (String field : new String[] {"media_load", "max_full_hd_calls", "max_hd_calls", "max_sd_calls",
                "max_audio_calls", "max_media_tokens", "media_tokens_used"}) {
            builder.field(FieldSpec.integer(field).readOnly().help(CapacityHelp.of(field)
                    + " Sum over the location's reachable nodes."));
        }
        builder.field(FieldSpec.integer("free_hd_calls").readOnly().help("Free HD calls of the location's reachable"
                + " transcoding nodes out of maintenance mode (each node's free media tokens / 16, rounded down),"
                + " the figure bursting watches."));
        return builder.build();
    }

    static ResourceSpec alarmHistory() {
        return PlatformRecords.alarmFields(ResourceSpec.builder(ResourceNames.ALARM, "Alarm history entry")
                .api(ResourceNames.HISTORY_API)
                .table("alarm_history")
                .shape(ResourceSpec.Shape.READ_ONLY)
                .defaultOrder("-time_raised"))
                .field(FieldSpec.datetime("time_raised").readOnly().help("When it was raised (UTC)."))
                .field(FieldSpec.datetime("time_cleared").nullable().readOnly()
                        .help("When it was cleared (UTC); null while it is active."))
                .build();
    }

    /** Help texts of the capacity and load fields, shared by nodes and locations. */
    private static final class CapacityHelp {
        static String of(String field) {
            return switch (field) {
                case "media_load" -> "Media load in percent of the media tokens.";
                case "max_full_hd_calls" -> "Full HD (1080p) calls it can host.";
                case "max_hd_calls" -> "HD (720p) calls it can host.";
                case "max_sd_calls" -> "SD calls it can host.";
                case "max_audio_calls" -> "Audio-only calls it can host.";
                case "media_tokens_used" -> "Media tokens in use (1/16 HD call each), including one HD call per"
                        + " conference hosted for the backplane on a platform of several nodes.";
                case "free_hd_calls" -> "Free HD calls: free media tokens / 16, rounded down; 0 while unreachable.";
                case "max_media_tokens" -> "Media tokens in all (16 per HD call).";
                case "cpu_count" -> "vCPUs the node reports.";
                default -> "Memory the node reports, in KB.";
            };
        }
    }
}
