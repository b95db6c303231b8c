package dev.confab.management.bursting.simulation;

import java.time.Instant;
import java.util.concurrent.CancellationException;

/**
 * How far the replays of one comparison have come, read while they run, and a way to stop them: a
 * cancelled comparison ends with {@link CancellationException} at the next sample it records.
 * Thread-safe.
 */
public final class Progress {

    /** Where each replay is, in epoch milliseconds; guarded by this. */
    private final long[] reached;
    private final long start;
    private final long end;
    private volatile boolean cancelled;

    /** The progress of {@code replays} replays of the period from {@code start} to {@code end}. */
    public Progress(int replays, Instant start, Instant end) {
        this.reached = new long[Math.max(1, replays)];
        this.start = start.toEpochMilli();
        this.end = end.toEpochMilli();
        java.util.Arrays.fill(reached, this.start);
    }

    /** The share of the simulated time every replay has covered, from 0 to 1. */
    public synchronized double fraction() {
        double sum = 0;
        for (long at : reached) {
            sum += Math.min(1, Math.max(0, (at - start) / (double) Math.max(1, end - start)));
        }
        return sum / reached.length;
    }

    /** Stops the replays at their next sample. */
    public void cancel() {
        cancelled = true;
    }

    /** Replay {@code replay} has simulated up to {@code at}; throws when the comparison was cancelled. */
    void reached(int replay, long at) {
        if (cancelled) {
            throw new CancellationException("The simulation was stopped");
        }
        synchronized (this) {
            reached[replay] = at;
        }
    }
}
