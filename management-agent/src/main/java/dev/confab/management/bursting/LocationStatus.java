package dev.confab.management.bursting;

import java.util.List;
import java.util.Objects;

/**
 * A location's capacity as the policy weighed it, for the status pages and API. Immutable.
 *
 * @param freeHdCalls     free HD calls of its nodes that report a fresh load (overflow nodes only once
 *                        running and reporting); nodes in maintenance add none
 * @param maxHdCalls      HD calls those nodes host when empty
 * @param startingHdCalls HD calls of its overflow nodes that are starting (pending capacity)
 * @param threshold       the bursting threshold it is compared with
 * @param state           for a monitored location, its free HD calls against the threshold; for an
 *                        overflow location, its free and starting HD calls together
 * @param notes           why something did not happen, or what is wrong (stale load, stuck start …)
 */
public record LocationStatus(long locationId, String name, int freeHdCalls, int maxHdCalls, int startingHdCalls,
                             int threshold, LocationState state, List<String> notes) {

    public LocationStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        notes = List.copyOf(notes);
    }
}
