package dev.confab.conferencing.admission;

import dev.confab.shared.wire.Reservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

/**
 * Gives ended calls' capacity back to the other nodes that hold it, off the caller's thread: a
 * release that fails (the node does not answer) is tried again every second for a minute, unless
 * the holding node's calls' generation ends meanwhile (it was declared lost or started anew, and
 * holds nothing of the call any more). Thread-safe.
 */
final class MediaReleases {

    private static final Logger LOG = LoggerFactory.getLogger(MediaReleases.class);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final int ATTEMPTS = 60;

    private final PeerClient peers;
    private final ScheduledExecutorService executor;
    private final BiPredicate<String, String> ended;

    /** {@code ended} tells whether a node's ({@code name}, {@code incarnation}) has ended. */
    MediaReleases(PeerClient peers, ScheduledExecutorService executor, BiPredicate<String, String> ended) {
        this.peers = peers;
        this.executor = executor;
        this.ended = ended;
    }

    /**
     * Releases a call's capacity on its remote media node; {@code media}'s incarnation is null when
     * the node's answer to the reservation was lost.
     */
    void release(Call.Media media, String uuid) {
        submit(media, uuid, 1, Duration.ZERO);
    }

    private void submit(Call.Media media, String uuid, int attempt, Duration delay) {
        try {
            executor.schedule(() -> attempt(media, uuid, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Admission stopped; the release of {} on {} is not sent", uuid, media.node());
        }
    }

    private void attempt(Call.Media media, String uuid, int attempt) {
        if (media.incarnation() != null && ended.test(media.node(), media.incarnation())) {
            return;
        }
        try {
            peers.release(media.address(), media.nodePort(), new Reservation.Release(List.of(uuid)));
        } catch (IOException e) {
            if (attempt == ATTEMPTS) {
                LOG.error("{} did not take back the capacity of call {} after {} attempts ({}); it holds it until it is"
                        + " declared lost or restarted", media.node(), uuid, ATTEMPTS, e.getMessage());
                return;
            }
            if (attempt == 1) {
                LOG.warn("{} did not take back the capacity of call {} ({}); retrying every {} s", media.node(), uuid,
                        e.getMessage(), RETRY.toSeconds());
            }
            submit(media, uuid, attempt + 1, RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
