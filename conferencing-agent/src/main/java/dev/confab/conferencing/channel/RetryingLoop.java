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
 * the previous step returned, or after the task's {@link ChannelTask#retryDelay retry delay} when
 * it failed (an IOException, or any runtime exception but a refusal). A {@link ChannelRefusedException}
 * ends the loop and is handed to the {@link Refusals} given; the first step that succeeds after
 * failures is told to the {@link Recoveries} given. {@link #retryNow()} cuts short a wait after a
 * failure. Never more than one step runs at a time, and no run overlaps the next. {@link #stop()}
 * ends the loop: a step not yet started never runs, one that is running is interrupted, and
 * whatever it returns or throws is ignored. A stopped loop does not start again; make a new one.
 * Thread-safe.
 */
final class RetryingLoop {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingLoop.class);

    /** Told of the refusal that ended a loop. */
    @FunctionalInterface
    interface Refusals {
        void refused(RetryingLoop loop, ChannelRefusedException refusal);
    }

    /** Told when a loop's step succeeds after failures: the Management Node answers again. */
    @FunctionalInterface
    interface Recoveries {
        void recovered(RetryingLoop loop);
    }

    private final String name;
    private final ChannelTask task;
    private final ScheduledExecutorService scheduler;
    private final Refusals refusals;
    private final Recoveries recoveries;
    // guarded by this
    private Future<?> next;
    private long scheduled; // the number of the run scheduled last: only that one may step
    private boolean stopped;
    private boolean stepping;
    private boolean retrying; // the run scheduled last is a retry after a failure
    private boolean hurried; // retryNow() came while a step ran
    private final AtomicReference<Thread> running = new AtomicReference<>();
    // only touched by the step that runs, one at a time
    private boolean failing;

    RetryingLoop(String name, ChannelTask task, ScheduledExecutorService scheduler, Refusals refusals,
                 Recoveries recoveries) {
        this.name = name;
        this.task = task;
        this.scheduler = scheduler;
        this.refusals = refusals;
        this.recoveries = recoveries;
    }

    /** Schedules the first step, at once. */
    synchronized void start() {
        schedule(Duration.ZERO, false);
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

    /**
     * Runs the next step at once if the loop waits after a failure, as when the Management Node
     * was seen to answer again by the other loop; when a step runs now, the next one follows at
     * once should it fail. A loop that is not failing keeps its pace.
     */
    synchronized void retryNow() {
        if (stopped) {
            return;
        }
        if (stepping) {
            hurried = true;
        } else if (retrying) {
            next.cancel(false);
            schedule(Duration.ZERO, true);
        }
    }

    private void schedule(Duration delay, boolean retry) {
        assert Thread.holdsLock(this);
        if (stopped) {
            return;
        }
        long run = ++scheduled;
        retrying = retry;
        try {
            next = scheduler.schedule(() -> run(run), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the scheduler was shut down: the agent closed between this step and the next
            stopped = true;
        }
    }

    private void run(long run) {
        synchronized (this) {
            if (stopped || run != scheduled) {
                return; // stopped, or replaced by retryNow() after the scheduler had taken it
            }
            stepping = true;
            hurried = false;
        }
        Thread current = Thread.currentThread();
        running.set(current);
        try {
            runStep();
        } finally {
            running.compareAndSet(current, null); // the next step may already run elsewhere
        }
    }

    private void runStep() {
        Duration delay;
        boolean failed = false;
        boolean recovered = false;
        try {
            delay = task.step();
            if (failing) {
                failing = false;
                recovered = true;
                task.recovered();
            }
        } catch (ChannelRefusedException refusal) {
            stepped();
            if (!stopped()) {
                refusals.refused(this, refusal);
            }
            return;
        } catch (InterruptedException e) {
            stepped();
            Thread.currentThread().interrupt();
            return;
        } catch (IOException | RuntimeException e) {
            if (stopped()) {
                stepped();
                return; // interrupted by stop(): the failure says nothing about the Management Node
            }
            if (!failing) {
                task.failing(e);
            }
            if (e instanceof RuntimeException) {
                LOG.debug("The {} step failed", name, e);
            }
            failing = true;
            failed = true;
            delay = task.retryDelay(e);
        }
        synchronized (this) {
            stepped();
            schedule(failed && hurried ? Duration.ZERO : delay, failed);
        }
        if (recovered) {
            recoveries.recovered(this); // outside this loop's lock: the listener may hurry another loop
        }
    }

    private synchronized void stepped() {
        stepping = false;
    }

    @Override
    public String toString() {
        return name;
    }
}
