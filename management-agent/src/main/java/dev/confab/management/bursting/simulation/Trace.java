package dev.confab.management.bursting.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Calls in the order they arrived, over a period: from {@code start} (the simulation's first instant)
 * to {@code end}, when the simulation stops counting. Immutable.
 */
public record Trace(Instant start, Instant end, List<TraceCall> calls) {

    public Trace {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("The trace ends (" + end + ") before it starts (" + start + ")");
        }
        List<TraceCall> sorted = new ArrayList<>(calls);
        sorted.sort(Comparator.comparing(TraceCall::arrival));
        calls = List.copyOf(sorted);
        if (!calls.isEmpty() && calls.get(0).arrival().isBefore(start)) {
            throw new IllegalArgumentException("A call of the trace arrives at " + calls.get(0).arrival()
                    + ", before the trace starts (" + start + ")");
        }
    }

    /** The calls of {@code calls}, from the first arrival's midnight (UTC) to the last call's end. */
    public static Trace of(List<TraceCall> calls) {
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("The trace holds no call");
        }
        Instant first = calls.stream().map(TraceCall::arrival).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = calls.stream().map(TraceCall::end).max(Comparator.naturalOrder()).orElseThrow();
        return new Trace(first.truncatedTo(java.time.temporal.ChronoUnit.DAYS), last, calls);
    }

    /** Calls a day on average over the trace's period. */
    public double callsPerDay() {
        return calls.size() * 86_400_000.0 / java.time.Duration.between(start, end).toMillis();
    }
}
