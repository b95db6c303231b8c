package dev.confab.management.bursting;

import java.time.Duration;
import java.util.Objects;

/**
 * One measured start of an overflow node: from the accepted StartInstances to EC2's running state,
 * and from there to the node's first load report. Immutable.
 */
public record StartLatency(long nodeId, Duration startToRunning, Duration runningToFirstReport) {

    public StartLatency {
        Objects.requireNonNull(startToRunning, "startToRunning");
        Objects.requireNonNull(runningToFirstReport, "runningToFirstReport");
        if (startToRunning.isNegative() || runningToFirstReport.isNegative()) {
            throw new IllegalArgumentException("The start latency of node " + nodeId + " is negative");
        }
    }

    /** From the start request to the first load report: when the node's capacity can be used. */
    public Duration total() {
        return startToRunning.plus(runningToFirstReport);
    }

    /** Compares {@link #total()} with {@code other}'s, as {@link Duration#compareTo} would, making no Duration. */
    public int compareTotal(StartLatency other) {
        long seconds = Math.addExact(startToRunning.getSeconds(), runningToFirstReport.getSeconds());
        long otherSeconds = Math.addExact(other.startToRunning.getSeconds(), other.runningToFirstReport.getSeconds());
        int nanos = startToRunning.getNano() + runningToFirstReport.getNano();
        int otherNanos = other.startToRunning.getNano() + other.runningToFirstReport.getNano();
        // nanos below two seconds' worth: carry whole seconds before comparing
        seconds = Math.addExact(seconds, nanos / 1_000_000_000);
        otherSeconds = Math.addExact(otherSeconds, otherNanos / 1_000_000_000);
        int bySeconds = Long.compare(seconds, otherSeconds);
        return bySeconds != 0 ? bySeconds : Integer.compare(nanos % 1_000_000_000, otherNanos % 1_000_000_000);
    }
}
