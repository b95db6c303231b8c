package dev.confab.management.resource.catalog;

import dev.confab.management.resource.StoredRow;

/**
 * The options of bursting that plan ahead, from the global settings (Confab's additions). Immutable.
 *
 * @param latencyAware               raise a location's threshold to the HD calls expected while a node starts
 * @param assumedStartLatencyMinutes a node's start latency while its location has none measured
 * @param keepOrStop                 weigh the chance of a restart before stopping an idle node
 * @param billedMinutesPerStart      what EC2 bills at least for every start
 */
public record BurstingPlanning(boolean latencyAware, int assumedStartLatencyMinutes, boolean keepOrStop,
                               int billedMinutesPerStart) {

    /** The options as the engine stored them in {@code global}. */
    public static BurstingPlanning of(StoredRow row) {
        return new BurstingPlanning(row.flag("bursting_latency_aware"), row.integer("bursting_assumed_start_latency"),
                row.flag("bursting_keep_or_stop"), row.integer("bursting_billed_minutes_per_start"));
    }
}
