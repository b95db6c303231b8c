package dev.confab.management.bursting.plan;

import dev.confab.management.bursting.simulation.ComparisonOverTime;
import dev.confab.management.bursting.simulation.Progress;
import dev.confab.management.bursting.simulation.SimulatedPlatform;
import dev.confab.management.bursting.simulation.SimulatedPolicy;
import dev.confab.management.bursting.simulation.Simulator;
import dev.confab.management.bursting.simulation.Trace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulations of bursting asked for on the Management Node, one at a time on a thread of their own
 * (the replays themselves side by side on the common fork-join pool), so that no request waits for
 * one: a simulation asked for while another runs is refused, not queued. Keeps the last one's outcome
 * in memory only, for every administrator to see, until the next starts. Thread-safe.
 */
public final class PlanRuns implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlanRuns.class);

    /** What to simulate, and how the page names it. */
    public record Job(String description, SimulatedPlatform platform, Trace trace, List<SimulatedPolicy> policies,
                      long seed) {

        public Job {
            policies = List.copyOf(policies);
        }
    }

    /** A simulation, from its start: running ({@link #progress}), finished ({@link #result}) or failed ({@link #failure}). */
    public record Run(long number, String description, long calls, String startedBy, Instant startedAt,
                      Progress progress, Optional<ComparisonOverTime> result, Optional<String> failure,
                      Optional<Duration> took) {

        public boolean running() {
            return result.isEmpty() && failure.isEmpty();
        }
    }

    private final Clock clock;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread named = new Thread(runnable, "confab-bursting-plan");
        named.setDaemon(true);
        return named;
    });
    private final AtomicLong numbers = new AtomicLong();
    private Run last;
    private boolean closed;

    public PlanRuns(Clock clock) {
        this.clock = clock;
    }

    /** The simulation running or last run, if any since the Management Node started. */
    public synchronized Optional<Run> last() {
        return Optional.ofNullable(last);
    }

    /**
     * Starts {@code job} for {@code startedBy}, unless a simulation runs: then nothing starts and the
     * answer is empty ({@link #last()} is the one running).
     */
    public synchronized Optional<Run> start(Job job, String startedBy) {
        if (closed) {
            throw new IllegalStateException("The Management Node is stopping: it runs no more simulations.");
        }
        if (last != null && last.running()) {
            return Optional.empty();
        }
        Progress progress = new Progress(job.policies().size(), job.trace().start(), job.trace().end());
        Run run = new Run(numbers.incrementAndGet(), job.description(), job.trace().calls().size(), startedBy,
                clock.instant(), progress, Optional.empty(), Optional.empty(), Optional.empty());
        last = run;
        thread.execute(() -> simulate(run, job));
        return Optional.of(run);
    }

    private void simulate(Run run, Job job) {
        long began = System.nanoTime();
        Optional<ComparisonOverTime> result = Optional.empty();
        String failure;
        try {
            result = Optional.of(Simulator.withSeed(job.seed()).compareOverTime(job.platform(), job.trace(),
                    job.policies(), run.progress()));
            failure = null;
        } catch (CancellationException e) {
            failure = "The simulation was stopped: the Management Node stopped.";
        } catch (IllegalArgumentException e) {
            failure = e.getMessage();
        } catch (RuntimeException e) {
            LOG.error("The simulation of {} failed", run.description(), e);
            failure = "The simulation failed (" + e + "); the Management Node log has the details.";
        }
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        synchronized (this) {
            last = new Run(run.number(), run.description(), run.calls(), run.startedBy(), run.startedAt(),
                    run.progress(), result, Optional.ofNullable(failure), Optional.of(took));
        }
        LOG.info("Simulated bursting on {} for {} in {} ms{}", run.description(), run.startedBy(), took.toMillis(),
                failure == null ? "" : ": " + failure);
    }

    /** Stops a simulation that runs, and waits a little for its thread. */
    @Override
    public void close() {
        Run running;
        synchronized (this) {
            closed = true;
            running = last;
        }
        if (running != null) {
            running.progress().cancel();
        }
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
