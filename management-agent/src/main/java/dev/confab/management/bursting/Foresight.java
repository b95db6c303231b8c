package dev.confab.management.bursting;

import java.util.List;

/**
 * What the policy plans ahead with, besides the platform as it is now: measured starts of overflow
 * nodes, recent call arrivals per location, and the pre-warm schedules. Empty by default: then the
 * policy decides as it always has. Immutable.
 *
 * @param startLatencies recent measured starts, any number per node; the longest of a location's counts
 * @param arrivals       at most one per location
 * @param schedules      pre-warm schedules, any number per overflow location
 */
public record Foresight(List<StartLatency> startLatencies, List<Arrivals> arrivals, List<PrewarmSchedule> schedules) {

    private static final Foresight NONE = new Foresight(List.of(), List.of(), List.of());

    public Foresight {
        startLatencies = List.copyOf(startLatencies);
        arrivals = List.copyOf(arrivals);
        schedules = List.copyOf(schedules);
    }

    /** Nothing measured, nothing scheduled. */
    public static Foresight none() {
        return NONE;
    }
}
