package dev.confab.management.bursting.simulation;

import java.time.Instant;
import java.util.List;

/**
 * Policies replayed over one trace, side by side, with the clairvoyant minimum of instance-hours. Immutable.
 *
 * @param clairvoyantInstanceHours see {@link Clairvoyant}
 */
public record Comparison(long calls, Instant start, Instant end, List<PolicyResult> results,
                         double clairvoyantInstanceHours) {

    public Comparison {
        results = List.copyOf(results);
    }
}
