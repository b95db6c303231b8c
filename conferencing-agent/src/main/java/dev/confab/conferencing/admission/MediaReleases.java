package dev.confab.conferencing.admission;

import dev.confab.shared.wire.Reservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

/**
 * Gives ended calls' capacity back to the other nodes that hold it, off the caller's thread, in one
 * request per node for every release due to it, with one request in flight per node (so a node that
 * does not answer holds up only its own releases). A request that fails is sent again every second,
 * with whatever came meanwhile, for a minute; a release is dropped once the holding node's calls'
 * generation ends (it was declared lost or started anew, and holds nothing of the call any more).
 * Thread-safe.
 */
final class MediaReleases {

    private static final Logger LOG = LoggerFactory.getLogger(MediaReleases.class);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final int ATTEMPTS = 60;

    /** The releases due to one node: call id → the node's generation when it took the call (null: unknown). */
    private static final class Due {
        final Call.Media node;
        final Map<String, String> calls = new LinkedHashMap<>();
        boolean sending;
        int failures;

        Due(Call.Media node) {
            this.node = node;
        }
    }

    private final PeerClient peers;
    private final ScheduledExecutorService timer;
    private final ExecutorService senders;
    private final BiPredicate<String, String> ended;
    // guarded by this
    private final Map<String, Due> byNode = new HashMap<>();

    /**
     * Sends on {@code senders}, waits on {@code timer}; {@code ended} tells whether a node's
     * ({@code name}, {@code incarnation}) has ended.
     */
    MediaReleases(PeerClient peers, ScheduledExecutorService timer, ExecutorService senders,
                  BiPredicate<String, String> ended) {
        this.peers = peers;
        this.timer = timer;
        this.senders = senders;
        this.ended = ended;
    }

    /**
     * Releases a call's capacity on its remote media node; {@code media}'s incarnation is null when
     * the node's answer to the reservation was lost.
     */
    synchronized void release(Call.Media media, String uuid) {
        Due due = byNode.computeIfAbsent(media.address() + ":" + media.nodePort(), key -> new Due(media));
        due.calls.put(uuid, media.incarnation());
        if (!due.sending) {
            due.sending = true;
            submit(due, Duration.ZERO);
        }
    }

    private void submit(Due due, Duration delay) {
        try {
            timer.schedule(() -> senders.execute(() -> send(due)), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Admission stopped; {} release(s) for {} are not sent", due.calls.size(), due.node.node());
        }
    }

    private void send(Due due) {
        List<String> ids;
        synchronized (this) {
            due.calls.entrySet().removeIf(call -> call.getValue() != null && ended.test(due.node.node(),
                    call.getValue()));
            ids = new ArrayList<>(due.calls.keySet());
            if (ids.isEmpty()) {
                due.sending = false;
                due.failures = 0;
                return;
            }
        }
        try {
            peers.release(due.node.address(), due.node.nodePort(), new Reservation.Release(ids));
            synchronized (this) {
                ids.forEach(due.calls::remove);
                due.failures = 0;
                next(due, Duration.ZERO);
            }
        } catch (IOException e) {
            synchronized (this) {
                due.failures++;
                if (due.failures == 1) {
                    LOG.warn("{} did not take back the capacity of {} call(s) ({}); retrying every {} s",
                            due.node.node(), ids.size(), e.getMessage(), RETRY.toSeconds());
                }
                if (due.failures >= ATTEMPTS) {
                    LOG.error("{} did not take back the capacity of {} call(s) after {} attempts ({}); it holds it"
                            + " until it is declared lost or restarted", due.node.node(), ids.size(), ATTEMPTS,
                            e.getMessage());
                    ids.forEach(due.calls::remove);
                    due.failures = 0;
                }
                next(due, RETRY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends what is due to the node next, after {@code delay}, or stops sending when nothing is. */
    private void next(Due due, Duration delay) {
        assert Thread.holdsLock(this);
        if (due.calls.isEmpty()) {
            due.sending = false;
        } else {
            submit(due, delay);
        }
    }
}
