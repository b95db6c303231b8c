package dev.confab.management.bursting;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A location's capacity as the policy weighed it, for the status pages and API. Immutable.
 *
 * @param freeHdCalls     free HD calls of its nodes that report a fresh load (overflow nodes only once
 *                        running and reporting); nodes in maintenance add none
 * @param maxHdCalls      HD calls those nodes host when empty
 * @param startingHdCalls HD calls of its overflow nodes that are starting (pending capacity)
 * @param threshold       the configured bursting threshold
 * @param state           for a monitored location, its free HD calls against the effective threshold;
 *                        for an overflow location, its free and starting HD calls together
 * @param notes           why something did not happen, or what is wrong (stale load, stuck start …)
 * @param effectiveThreshold the threshold the policy compared with: the configured one, or higher
 *                        with the latency-aware option (HD calls expected to arrive while a node starts)
 * @param minutesToExhaustion minutes until full at the current arrival rate, calls ending ignored (a
 *                        monitored location's own free HD calls; an overflow location's together with
 *                        those of the locations overflowing first to it); empty when no call arrives
 */
public record LocationStatus(long locationId, String name, int freeHdCalls, int maxHdCalls, int startingHdCalls,
                             int threshold, LocationState state, List<String> notes, int effectiveThreshold,
                             OptionalDouble minutesToExhaustion) {

    public LocationStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(minutesToExhaustion, "minutesToExhaustion");
        notes = List.copyOf(notes);
    }

    /** A status compared with the configured threshold, without an arrival rate. */
    public LocationStatus(long locationId, String name, int freeHdCalls, int maxHdCalls, int startingHdCalls,
                          int threshold, LocationState state, List<String> notes) {
        this(locationId, name, freeHdCalls, maxHdCalls, startingHdCalls, threshold, state, notes, threshold,
                OptionalDouble.empty());
    }
}
