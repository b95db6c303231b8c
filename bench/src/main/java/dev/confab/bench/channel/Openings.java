package dev.confab.bench.channel;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * How many of the fleet's connections may be opening (TCP connect and TLS handshake) at once. A
 * Management Node completes a bounded number of handshakes a second; a fleet that opens more at
 * once only lengthens the queue at its listener until handshakes time out and are tried again,
 * each retry costing it another. A node that needs a connection {@link #enter enters} and opens
 * it once let in; the connection {@link Slot#leave leaves} when its handshake ended, either way.
 * Those waiting are let in in the order they came. Thread-safe.
 */
final class Openings {

    /** One connection's place among those opening: leaving more than once leaves once. */
    static final class Slot {

        private final Openings openings;
        private final AtomicBoolean left = new AtomicBoolean();

        private Slot(Openings openings) {
            this.openings = openings;
        }

        void leave() {
            if (left.compareAndSet(false, true)) {
                openings.leave();
            }
        }
    }

    private record Waiting(Executor executor, Consumer<Slot> open) {
    }

    private final int limit;
    // guarded by this
    private final Queue<Waiting> waiting = new ArrayDeque<>();
    private int opening;
    private long opened;

    Openings(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("at least one connection must be allowed to open at a time, not " + limit);
        }
        this.limit = limit;
    }

    /** Runs {@code open} on {@code executor} with a slot once fewer than the limit are opening; at once if so now. */
    void enter(Executor executor, Consumer<Slot> open) {
        synchronized (this) {
            if (opening >= limit) {
                waiting.add(new Waiting(executor, open));
                return;
            }
            opening++;
            opened++;
        }
        executor.execute(() -> open.accept(new Slot(this)));
    }

    private void leave() {
        Waiting next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                opening--;
                return;
            }
            opened++;
        }
        next.executor().execute(() -> next.open().accept(new Slot(this)));
    }

    /** The limit. */
    int limit() {
        return limit;
    }

    /** Connections let in to open so far. */
    synchronized long opened() {
        return opened;
    }

    /** Connections opening now. */
    synchronized int opening() {
        return opening;
    }

    /** Connections waiting to open. */
    synchronized int waiting() {
        return waiting.size();
    }
}
