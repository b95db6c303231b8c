package dev.confab.conferencing.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a {@link ChannelTask} on a scheduler: the first step at once, each next one after the delay
 * the previous step returned, or after the task's {@link ChannelTask#retryDelay() retry delay} when
 * it failed (an IOException, or any runtime exception but a refusal). A {@link ChannelRefusedException}
 * ends the loop and is handed to the {@link Refusals} given. Never more than one step runs at a
 * time, and no run overlaps the next. {@link #stop()} ends the loop: a step not yet started never
 * runs, one that is running is interrupted, and whatever it returns or throws is ignored. A stopped
 * loop does not start again; make a new one. Thread-safe.
 */
final class RetryingLoop {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingLoop.class);

    /** Told of the refusal that ended a loop. */
    @FunctionalInterface
    interface Refusals {
        void refused(RetryingLoop loop, ChannelRefusedException refusal);
    }

    private final String name;
    private final ChannelTask task;
    private final ScheduledExecutorService scheduler;
    private final Refusals refusals;
    // guarded by this
    private Future<?> next;
    private boolean stopped;
    private final AtomicReference<Thread> running = new AtomicReference<>();
    // only touched by the step that runs, one at a time
    private boolean failing;

    RetryingLoop(String name, ChannelTask task, ScheduledExecutorService scheduler, Refusals refusals) {
        this.name = name;
        this.task = task;
        this.scheduler = scheduler;
        this.refusals = refusals;
    }

    /** Schedules the first step, at once. */
    void start() {
        schedule(Duration.ZERO);
    }

    /**
     * Ends the loop; the step that runs now, if any, is interrupted (unless it is the caller, as
     * when a refusal stops the loop it came from) and its outcome ignored.
     */
    synchronized void stop() {
        stopped = true;
        if (next != null) {
            next.cancel(running.get() != Thread.currentThread());
        }
    }

    synchronized boolean stopped() {
        return stopped;
    }

    private synchronized void schedule(Duration delay) {
        if (stopped) {
            return;
        }
        try {
            next = scheduler.schedule(this::run, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the scheduler was shut down: the agent closed between this step and the next
            stopped = true;
        }
    }

    private void run() {
        Thread current = Thread.currentThread();
        running.set(current);
        try {
            if (!stopped()) {
                runStep();
            }
        } finally {
            running.compareAndSet(current, null); // the next step may already run elsewhere
        }
    }

    private void runStep() {
        Duration delay;
        try {
            delay = task.step();
            if (failing) {
                failing = false;
                task.recovered();
            }
        } catch (ChannelRefusedException refusal) {
            if (!stopped()) {
                refusals.refused(this, refusal);
            }
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (IOException | RuntimeException e) {
            if (stopped()) {
                return; // interrupted by stop(): the failure says nothing about the Management Node
            }
            if (!failing) {
                task.failing(e);
            }
            if (e instanceof RuntimeException) {
                LOG.debug("The {} step failed", name, e);
            }
            failing = true;
            delay = task.retryDelay();
        }
        schedule(delay);
    }

    @Override
    public String toString() {
        return name;
    }
}
