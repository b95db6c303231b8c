package dev.confab.management.bursting.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Comparison} with what happened over time: per interval from the trace's start, the most
 * HD calls the trace's calls asked for at any moment (whatever the policy), and each policy's
 * {@link Timeline}, in the order of the comparison's results. Immutable.
 *
 * @param interval   the length of each sample
 * @param hdOffered  the most HD calls in progress in the trace at any moment of each interval, placed or not
 */
public record ComparisonOverTime(Comparison comparison, Duration interval, List<Double> hdOffered,
                                 List<Timeline> timelines) {

    public ComparisonOverTime {
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(interval, "interval");
        hdOffered = List.copyOf(hdOffered);
        timelines = List.copyOf(timelines);
    }

    /** The instant each sample begins. */
    public List<Instant> times() {
        Instant start = comparison.start();
        return java.util.stream.IntStream.range(0, hdOffered.size())
                .mapToObj(i -> start.plus(interval.multipliedBy(i))).toList();
    }
}
