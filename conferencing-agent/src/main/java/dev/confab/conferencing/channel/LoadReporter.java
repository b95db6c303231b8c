package dev.confab.conferencing.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Reports a change of the node's calls or load at once, besides the regular heartbeats: a heartbeat
 * is sent as soon as a change is announced, but at most one per {@link #MIN_GAP}; changes announced
 * meanwhile go in the next one. A report that fails is sent again after {@link #RETRY} (the
 * heartbeat loop reconnects sooner while the Management Node refuses connections). Runs on the
 * channel's scheduler, one report at a time. Thread-safe.
 */
final class LoadReporter {

    private static final Logger LOG = LoggerFactory.getLogger(LoadReporter.class);
    /** The shortest time between two load reports. */
    static final Duration MIN_GAP = Duration.ofMillis(250);
    /** The wait after a report that failed. */
    static final Duration RETRY = Duration.ofSeconds(1);

    private final Sender heartbeats;
    private final ScheduledExecutorService scheduler;
    private final BooleanSupplier reporting;
    private final Clock clock;
    // guarded by this
    private boolean pending;
    private boolean busy; // a report is scheduled or being sent
    private Instant notBefore = Instant.MIN;

    /**
     * Sends through {@code sender} on {@code scheduler} while {@code reporting} says the channel
     * reports, keeping the gaps by {@code clock}.
     */
    LoadReporter(Sender sender, ScheduledExecutorService scheduler, BooleanSupplier reporting, Clock clock) {
        this.heartbeats = sender;
        this.scheduler = scheduler;
        this.reporting = reporting;
        this.clock = clock;
    }

    /** Sends one report now. */
    @FunctionalInterface
    interface Sender {
        void send() throws IOException, InterruptedException;
    }

    /** Announces a change: it is reported at once, or when the last report is {@link #MIN_GAP} old. */
    synchronized void changed() {
        pending = true;
        if (!busy) {
            scheduleNext();
        }
    }

    private void scheduleNext() {
        assert Thread.holdsLock(this);
        busy = true;
        Instant now = clock.instant();
        long delay = notBefore.isAfter(now) ? Duration.between(now, notBefore).toMillis() : 0;
        try {
            scheduler.schedule(this::report, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            busy = false; // the channel closed
        }
    }

    private void report() {
        synchronized (this) {
            pending = false;
            notBefore = clock.instant().plus(MIN_GAP);
        }
        boolean failed = false;
        if (reporting.getAsBoolean()) {
            try {
                heartbeats.send();
            } catch (IOException | RuntimeException e) {
                // a refusal is the heartbeat loop's to act on; anything else is tried again
                failed = !(e instanceof ChannelRefusedException);
                LOG.debug("A load report was not answered: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        synchronized (this) {
            busy = false;
            if (failed) {
                pending = true;
                notBefore = clock.instant().plus(RETRY);
            }
            if (pending) {
                scheduleNext();
            }
        }
    }
}
