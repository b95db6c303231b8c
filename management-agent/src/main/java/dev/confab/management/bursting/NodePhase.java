package dev.confab.management.bursting;

/** Where an overflow node is in its life, as the policy reads it from EC2's state, requests and load. */
enum NodePhase {
    /** Stopped; a candidate to start. */
    STOPPED,
    /** Started and not reporting yet, within the start deadline: pending capacity. */
    STARTING,
    /** Running, not reporting yet after this Management Node started, within the staleness limit: pending capacity. */
    AWAITING_REPORT,
    /** Running and reporting a fresh load since its start: its free capacity counts, and it may be stopped. */
    UP,
    /** Started by this Management Node and silent past the start deadline: given up on, never stopped. */
    STUCK,
    /** Running with a stale or unknown load: no capacity counted, never stopped. */
    SILENT,
    /** Stopping, or asked to stop. */
    STOPPING;

    /** Whether its capacity is on its way: counted as pending. */
    boolean pending() {
        return this == STARTING || this == AWAITING_REPORT;
    }

    /** Whether it counts against the guardrail: running or on its way up. */
    boolean runningOrStarting() {
        return this != STOPPED && this != STOPPING;
    }
}
