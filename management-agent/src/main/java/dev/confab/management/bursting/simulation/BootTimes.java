package dev.confab.management.bursting.simulation;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How long an overflow node takes to start, drawn uniformly for every start: from StartInstances to
 * EC2's running state, and from there to the node's first load report; and how long a stop takes
 * (stopping → stopped, when it may be started again). Immutable.
 */
public record BootTimes(Duration toRunningMin, Duration toRunningMax, Duration toReportMin, Duration toReportMax,
                        Duration stopping) {

    public BootTimes {
        requireRange("to running", toRunningMin, toRunningMax);
        requireRange("to first report", toReportMin, toReportMax);
        Objects.requireNonNull(stopping, "stopping");
    }

    /** About 5 minutes in all, as the deployment guide says: 40–90 s to running, 3–4.5 minutes to the first report. */
    public static BootTimes guide() {
        return new BootTimes(Duration.ofSeconds(40), Duration.ofSeconds(90), Duration.ofSeconds(180),
                Duration.ofSeconds(270), Duration.ofSeconds(30));
    }

    Duration toRunning(SplittableRandom random) {
        return draw(toRunningMin, toRunningMax, random);
    }

    Duration toReport(SplittableRandom random) {
        return draw(toReportMin, toReportMax, random);
    }

    private static Duration draw(Duration min, Duration max, SplittableRandom random) {
        long spread = max.toMillis() - min.toMillis();
        return spread == 0 ? min : min.plusMillis(random.nextLong(spread + 1));
    }

    private static void requireRange(String what, Duration min, Duration max) {
        Objects.requireNonNull(min, what);
        Objects.requireNonNull(max, what);
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("The boot time " + what + " runs from " + min + " to " + max
                    + "; give a range from zero up");
        }
    }
}
