package dev.confab.localcloud.callgen;

import dev.confab.shared.capacity.CallType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Makes calls as a {@link CallgenPlan} says: starts them at its rate on one timer thread, each on the
 * next node in turn, with a type drawn from its mix and a hold drawn from its hold time, until its
 * schedule ends or it is {@link #stop}ped, which ends every call in progress (held calls are
 * released). Elapsed time is read from the given clock. Thread-safe.
 */
final class CallGenerator implements GeneratedCall.Run, AutoCloseable {

    private final CallgenPlan plan;
    private final ClientApiClient client;
    private final Clock clock;
    private final RandomGenerator random;
    private final CallStats stats = new CallStats();
    private final ScheduledThreadPoolExecutor timers;
    private final Set<GeneratedCall> live = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    // guarded by lock
    private Instant started;
    private boolean starting;
    private boolean stopped;
    // only the timer thread reads and writes it
    private long next;

    CallGenerator(CallgenPlan plan, ClientApiClient client, Clock clock, RandomGenerator random) {
        this.plan = plan;
        this.client = client;
        this.clock = clock;
        this.random = random;
        this.timers = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "callgen-timer");
            thread.setDaemon(true);
            return thread;
        });
        timers.setRemoveOnCancelPolicy(true);
    }

    /** Starts the run: the first call now, the others at the plan's rate. */
    void start() {
        synchronized (lock) {
            if (started != null) {
                throw new IllegalStateException("This run has already started.");
            }
            started = clock.instant();
            starting = true;
        }
        timers.execute(this::pace);
    }

    /** Stops starting calls and ends every call in progress. */
    void stop() {
        synchronized (lock) {
            stopped = true;
            starting = false;
            lock.notifyAll();
        }
        for (GeneratedCall call : live) {
            call.end();
        }
    }

    /** Whether every call has been started and has ended; waits up to {@code timeout} for it. */
    boolean awaitFinished(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (starting || !live.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /** Whether the schedule has started all its calls (or the run was stopped), so only held calls remain. */
    boolean allStarted() {
        synchronized (lock) {
            return started != null && !starting;
        }
    }

    /** The figures so far. */
    CallgenSummary snapshot() {
        Instant from;
        synchronized (lock) {
            from = started;
        }
        return stats.snapshot(from == null ? Duration.ZERO : Duration.between(from, clock.instant()));
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }

    @Override
    public ClientApiClient client() {
        return client;
    }

    @Override
    public ScheduledExecutorService timers() {
        return timers;
    }

    @Override
    public CallStats stats() {
        return stats;
    }

    @Override
    public void ended(GeneratedCall call) {
        live.remove(call);
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** Starts every call that is due, then waits on the timer for the next one. */
    private void pace() {
        Duration elapsed;
        synchronized (lock) {
            if (stopped) {
                return;
            }
            elapsed = Duration.between(started, clock.instant());
        }
        long due = plan.schedule().dueBy(elapsed);
        while (next < due) {
            startCall(next++);
        }
        if (plan.schedule().total().map(total -> next >= total).orElse(false)) {
            synchronized (lock) {
                starting = false;
                lock.notifyAll();
            }
            return;
        }
        long wait = plan.schedule().startOf(next).minus(elapsed).toNanos();
        timers.schedule(this::pace, Math.max(0, wait), TimeUnit.NANOSECONDS);
    }

    private void startCall(long number) {
        CallType type = plan.mix().pick(random);
        Duration hold = plan.hold().sample(random);
        GeneratedCall call = new GeneratedCall(this, plan.nodeFor(number), plan.alias());
        live.add(call);
        synchronized (lock) {
            if (stopped) {
                live.remove(call);
                return;
            }
        }
        call.start(plan.displayName() + "-" + (number + 1), type.wireName(), plan.pin(), hold);
    }
}
