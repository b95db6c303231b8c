package dev.confab.management.calls;

import dev.confab.shared.wire.LocationLoad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Takes a sample of every location's load into a {@link LoadHistory} once per its interval, on one
 * daemon thread, from the first interval on. Stop with {@link #close()}. Thread-safe.
 */
public final class LoadSampler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoadSampler.class);

    private final LoadHistory history;
    private final Supplier<List<LocationLoad>> loads;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "confab-load-history");
        thread.setDaemon(true);
        return thread;
    });

    private LoadSampler(LoadHistory history, Supplier<List<LocationLoad>> loads, Clock clock) {
        this.history = history;
        this.loads = loads;
        this.clock = clock;
    }

    /** Samples {@code loads} (every location's, as {@link Calls#locationLoads()} answers) into {@code history}. */
    public static LoadSampler start(LoadHistory history, Supplier<List<LocationLoad>> loads, Clock clock) {
        LoadSampler sampler = new LoadSampler(history, loads, clock);
        long period = history.interval().toMillis();
        sampler.timer.scheduleAtFixedRate(sampler::sampleQuietly, period, period, TimeUnit.MILLISECONDS);
        return sampler;
    }

    /** Takes one sample now, besides the scheduled ones. */
    public void sample() {
        history.record(clock.instant(), loads.get());
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            // a failed sample leaves a gap in the chart; the next one is taken all the same
            LOG.warn("Could not sample the locations' load for the load history", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
