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
}
