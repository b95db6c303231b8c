package dev.confab.management.resource.catalog;

import dev.confab.management.resource.StoredRow;

/**
 * The guardrail and circuit breaker of bursting, from the global settings (Confab's additions to
 * the reference's {@code bursting_*} fields). Immutable.
 *
 * @param maxRunningNodes        the most overflow nodes running or starting at once
 * @param startDeadlineMinutes   minutes a started node has to report its load
 * @param breakerErrors          EC2 errors that open the circuit breaker …
 * @param breakerWindowMinutes   … within this many minutes …
 * @param breakerCooldownMinutes … keeping it open this many minutes after the last of them
 */
public record BurstingLimits(int maxRunningNodes, int startDeadlineMinutes, int breakerErrors,
                             int breakerWindowMinutes, int breakerCooldownMinutes) {

    /** The limits as the engine stored them in {@code global}. */
    public static BurstingLimits of(StoredRow row) {
        return new BurstingLimits(row.integer("bursting_max_running_nodes"), row.integer("bursting_start_deadline"),
                row.integer("bursting_breaker_errors"), row.integer("bursting_breaker_window"),
                row.integer("bursting_breaker_cooldown"));
    }
}
