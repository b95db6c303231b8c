package dev.confab.management.bursting;

import java.util.List;

/**
 * What the bursting policy decided at one instant. Immutable.
 *
 * @param actions   starts first, then stops, each in location and node name order; perform them in order
 * @param monitored locations whose primary overflow location holds overflow nodes
 * @param overflow  locations that hold overflow nodes
 * @param notes     platform-wide remarks: bursting disabled, circuit breaker open, guardrail reached
 */
public record BurstingDecision(List<BurstingAction> actions, List<LocationStatus> monitored,
                               List<LocationStatus> overflow, List<String> notes) {

    public BurstingDecision {
        actions = List.copyOf(actions);
        monitored = List.copyOf(monitored);
        overflow = List.copyOf(overflow);
        notes = List.copyOf(notes);
    }
}
