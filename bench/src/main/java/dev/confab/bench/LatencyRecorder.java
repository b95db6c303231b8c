package dev.confab.bench;

import java.util.Arrays;

/**
 * Counts operations and keeps their latencies for percentiles. One recorder per worker thread
 * (not thread-safe); {@link #merge} combines them after the run.
 */
public final class LatencyRecorder {

    private long[] nanos = new long[1 << 16];
    private int count;
    private int errors;

    public void record(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, nanos.length * 2);
        }
        nanos[count++] = latencyNanos;
    }

    public void error() {
        errors++;
    }

    public int count() {
        return count;
    }

    public int errors() {
        return errors;
    }

    public static LatencyRecorder merge(Iterable<LatencyRecorder> recorders) {
        LatencyRecorder all = new LatencyRecorder();
        for (LatencyRecorder recorder : recorders) {
            for (int i = 0; i < recorder.count; i++) {
                all.record(recorder.nanos[i]);
            }
            all.errors += recorder.errors;
        }
        return all;
    }

    /** The latency at quantile {@code q} (0..1) in milliseconds, nearest-rank; 0 when empty. */
    public double percentileMillis(double q) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, rank))] / 1_000_000.0;
    }
}
