package dev.confab.management.bursting.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns many requests for a run into few runs: a request while one is pending joins it, and a run
 * starts at least {@code spacing} after the previous one started. The run itself happens on the
 * {@link Delayer}'s thread. Thread-safe.
 */
final class RunCoalescer {

    /** Runs a task after a delay, on the thread that runs every task of the scheduler. */
    @FunctionalInterface
    interface Delayer {
        void schedule(Runnable task, Duration delay);
    }

    private final Clock clock;
    private final Duration spacing;
    private final Delayer delayer;
    private final Runnable run;
    private boolean pending;
    private Instant lastStart = Instant.MIN;

    RunCoalescer(Clock clock, Duration spacing, Delayer delayer, Runnable run) {
        this.clock = clock;
        this.spacing = spacing;
        this.delayer = delayer;
        this.run = run;
    }

    /** Asks for a run: at once if the last one started {@code spacing} ago or more, else when it has. */
    void request() {
        Duration delay;
        synchronized (this) {
            if (pending) {
                return;
            }
            pending = true;
            Instant now = clock.instant();
            Instant earliest = lastStart == Instant.MIN ? now : lastStart.plus(spacing);
            delay = earliest.isAfter(now) ? Duration.between(now, earliest) : Duration.ZERO;
        }
        delayer.schedule(this::fire, delay);
    }

    /** Records that a run starts now for other reasons (the tick): requests meanwhile wait for the spacing. */
    synchronized void started() {
        lastStart = clock.instant();
    }

    private void fire() {
        synchronized (this) {
            pending = false;
            lastStart = clock.instant();
        }
        run.run();
    }
}
