package dev.confab.conferencing.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler whose tasks run only when the test says, in the test's thread, on the time of a
 * {@link TestClock}: {@link #advance} moves the clock to each due task in turn and runs it, so a
 * test sees exactly what runs when, and proves that nothing more happens by advancing and finding
 * nothing run, without sleeping. Cancelling never interrupts (a task runs in the test's thread).
 * A periodic task runs again one period after its due time (fixed rate) or after its run (fixed
 * delay), until it is cancelled, throws, or the scheduler is shut down. Thread-safe for scheduling;
 * run tasks from one thread.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    /** More runs than this within one advance means tasks keep scheduling themselves at once. */
    private static final int MAX_RUNS = 10_000;

    private final TestClock clock;
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>(
            Comparator.comparing((Task<?> task) -> task.due).thenComparingLong(task -> task.sequence));
    private long sequence;
    private boolean shutdown;

    public ManualScheduler(TestClock clock) {
        this.clock = clock;
    }

    public TestClock clock() {
        return clock;
    }

    /** Runs the tasks due now, and those they schedule for now; returns how many ran. */
    public int runDue() {
        return advance(Duration.ZERO);
    }

    /**
     * Moves the clock forward by {@code duration}, stopping at each task that falls due on the way
     * to run it (and what it schedules within the duration); returns how many ran.
     */
    public int advance(Duration duration) {
        Instant end = clock.instant().plus(duration);
        int runs = 0;
        for (Task<?> task = next(end); task != null; task = next(end)) {
            if (++runs > MAX_RUNS) {
                throw new IllegalStateException("More than " + MAX_RUNS + " tasks ran by " + end
                        + ": tasks keep scheduling themselves at once");
            }
            run(task);
        }
        if (end.isAfter(clock.instant())) {
            clock.set(end);
        }
        return runs;
    }

    /**
     * Runs task after task, in time order, until {@code condition} holds or the clock has moved
     * {@code limit}; fails naming {@code what} when it does not hold by then.
     */
    public void advanceUntil(String what, Duration limit, Callable<Boolean> condition) throws Exception {
        Instant end = clock.instant().plus(limit);
        int runs = 0;
        while (!Boolean.TRUE.equals(condition.call())) {
            Task<?> task = next(end);
            if (task == null || ++runs > MAX_RUNS) {
                throw new AssertionError("Within " + limit.toMillis() + " ms of the test clock (" + runs
                        + " tasks ran), never " + what);
            }
            run(task);
        }
    }

    /** Runs {@code task}; a task that throws fails the test instead of hiding its failure in its future. */
    private void run(Task<?> task) {
        if (task.period != null) {
            if (task.runAndReset()) {
                requeue(task);
                return;
            }
        } else {
            task.run();
        }
        if (task.isDone() && !task.isCancelled()) {
            try {
                task.get();
            } catch (ExecutionException e) {
                throw new AssertionError("A scheduled task failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The delays of the tasks waiting to run, soonest first. */
    public synchronized List<Duration> pending() {
        List<Duration> delays = new ArrayList<>();
        queue.stream().sorted(queue.comparator())
                .forEach(task -> delays.add(Duration.between(clock.instant(), task.due)));
        return delays;
    }

    /** Takes the next task due by {@code end} off the queue, moving the clock to its time; null when none is. */
    private synchronized Task<?> next(Instant end) {
        Task<?> task = queue.peek();
        if (task == null || task.due.isAfter(end)) {
            return null;
        }
        queue.poll();
        if (task.due.isAfter(clock.instant())) {
            clock.set(task.due);
        }
        return task;
    }

    private synchronized <V> Task<V> enqueue(Callable<V> callable, long delay, TimeUnit unit, Duration period,
                                             boolean fixedRate) {
        if (shutdown) {
            throw new RejectedExecutionException("The scheduler was shut down");
        }
        Task<V> task = new Task<>(callable, clock.instant().plusNanos(unit.toNanos(Math.max(0, delay))), sequence++,
                period, fixedRate);
        queue.add(task);
        return task;
    }

    /** Puts a periodic task that ran back in the queue for its next run, unless it ended meanwhile. */
    private synchronized void requeue(Task<?> task) {
        if (shutdown || task.isCancelled()) {
            return;
        }
        task.due = task.fixedRate ? task.due.plus(task.period) : clock.instant().plus(task.period);
        task.sequence = sequence++;
        queue.add(task);
    }

    private Duration period(long period, TimeUnit unit) {
        if (period <= 0) {
            throw new IllegalArgumentException("A period must be positive, not " + period + " " + unit);
        }
        return Duration.ofNanos(unit.toNanos(period));
    }

    private synchronized void remove(Task<?> task) {
        queue.remove(task);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return enqueue(Executors.callable(command), delay, unit, null, false);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return enqueue(callable, delay, unit, null, false);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return enqueue(Executors.callable(command), initialDelay, unit, period(period, unit), true);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                                                     TimeUnit unit) {
        return enqueue(Executors.callable(command), initialDelay, unit, period(delay, unit), false);
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> waiting = new ArrayList<>(queue);
        queue.clear();
        return waiting;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && queue.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    /** A task due at a time of the test clock. */
    private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {

        // guarded by the scheduler: changed only while the task is out of the queue
        private Instant due;
        private long sequence;
        /** Null for a task that runs once. */
        private final Duration period;
        private final boolean fixedRate;

        Task(Callable<V> callable, Instant due, long sequence, Duration period, boolean fixedRate) {
            super(callable);
            this.due = due;
            this.sequence = sequence;
            this.period = period;
            this.fixedRate = fixedRate;
        }

        @Override
        public boolean runAndReset() {
            return super.runAndReset();
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            remove(this);
            return super.cancel(false);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), due));
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
