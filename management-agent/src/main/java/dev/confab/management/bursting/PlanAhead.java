package dev.confab.management.bursting;

import java.time.Duration;
import java.util.Objects;

/**
 * The policy's options that plan ahead, each off by default (the guide's fixed threshold, and stops
 * on the minimum lifetime alone). Immutable.
 *
 * @param latencyAware          raise a location's threshold to the HD calls expected to arrive while
 *                              an overflow node starts: the effective threshold is the larger of the
 *                              configured one and arrival rate × start latency
 * @param assumedStartLatency   the start latency (start → running → first load report) used for an
 *                              overflow location none of whose nodes has a measured start (5 minutes)
 * @param weighRestart          before stopping an idle node, weigh the chance that it is needed again
 *                              within the longer of its start latency and {@code billedPerStart}; it is
 *                              kept while that chance is at least {@code keepFromChance}
 * @param billedPerStart        what EC2 bills at least for every start: 1 minute with per-second
 *                              billing, 1 hour with per-hour billing
 * @param keepFromChance        the chance of a restart, from 0 to 1, from which an idle node is kept (0.5)
 */
public record PlanAhead(boolean latencyAware, Duration assumedStartLatency, boolean weighRestart,
                        Duration billedPerStart, double keepFromChance) {

    private static final PlanAhead OFF = new PlanAhead(false, Duration.ofMinutes(5), false, Duration.ofMinutes(1), 0.5);

    public PlanAhead {
        Objects.requireNonNull(assumedStartLatency, "assumedStartLatency");
        Objects.requireNonNull(billedPerStart, "billedPerStart");
        if (assumedStartLatency.isNegative() || assumedStartLatency.isZero()) {
            throw new IllegalArgumentException("Bursting setting assumedStartLatency is " + assumedStartLatency
                    + "; it must be longer than zero");
        }
        if (billedPerStart.isNegative()) {
            throw new IllegalArgumentException("Bursting setting billedPerStart is " + billedPerStart
                    + "; it must not be negative");
        }
        if (!(keepFromChance > 0 && keepFromChance <= 1)) {
            throw new IllegalArgumentException("Bursting setting keepFromChance is " + keepFromChance
                    + "; it must be above 0 and at most 1");
        }
    }

    /** Every option off: today's policy. */
    public static PlanAhead off() {
        return OFF;
    }

    public PlanAhead withLatencyAware(boolean value) {
        return new PlanAhead(value, assumedStartLatency, weighRestart, billedPerStart, keepFromChance);
    }

    public PlanAhead withAssumedStartLatency(Duration value) {
        return new PlanAhead(latencyAware, value, weighRestart, billedPerStart, keepFromChance);
    }

    /** Weigh the chance of a restart against {@code billed} per start; keep from {@code keepFrom}. */
    public PlanAhead withWeighRestart(boolean value, Duration billed, double keepFrom) {
        return new PlanAhead(latencyAware, assumedStartLatency, value, billed, keepFrom);
    }
}
