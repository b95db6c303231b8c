package dev.confab.management.bursting.simulation;

import dev.confab.management.bursting.BurstingAction;

import java.time.Instant;

/** A start or stop the policy decided during a replay, at the simulated instant it decided it. Immutable. */
public record ReplayedAction(Instant at, BurstingAction action) {
}
