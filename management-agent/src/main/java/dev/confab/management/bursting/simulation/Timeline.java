package dev.confab.management.bursting.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one policy did over a trace, interval by interval, from the trace's start: the most HD calls
 * in use and the most HD calls the nodes taking calls could host at any moment of each interval (an
 * overflow node counts from its first load report to its StopInstances), and the StartInstances and
 * calls rejected in it. Immutable.
 *
 * @param policy the policy's name
 */
public record Timeline(String policy, List<Double> hdCallsInUse, List<Double> hdCallsCapacity, List<Integer> starts,
                       List<Integer> rejectedCalls) {

    /** The most samples a timeline holds: a day in minutes; longer traces get longer intervals. */
    public static final int MAX_SAMPLES = 1440;

    public Timeline {
        Objects.requireNonNull(policy, "policy");
        hdCallsInUse = List.copyOf(hdCallsInUse);
        hdCallsCapacity = List.copyOf(hdCallsCapacity);
        starts = List.copyOf(starts);
        rejectedCalls = List.copyOf(rejectedCalls);
    }

    /** The interval of the samples of a period: whole minutes, as few as keep it to {@link #MAX_SAMPLES}. */
    public static Duration intervalFor(Instant start, Instant end) {
        long minutes = Math.max(1, Duration.between(start, end).toMinutes());
        return Duration.ofMinutes(Math.max(1, (minutes + MAX_SAMPLES - 1) / MAX_SAMPLES));
    }

    /** How many samples of {@code interval} a period holds: its last, partial interval included. */
    static int samples(Instant start, Instant end, Duration interval) {
        long millis = Duration.between(start, end).toMillis();
        return (int) Math.max(1, (millis + interval.toMillis() - 1) / interval.toMillis());
    }
}
