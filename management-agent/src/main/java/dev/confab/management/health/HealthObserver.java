package dev.confab.management.health;

import java.time.Instant;

/**
 * Told of node health as it happens, for metrics: each heartbeat, and each newer revision a node
 * applied. Called on the threads that take heartbeats (thousands a second) and on the monitor's
 * flush, so an implementation records in constant time and never blocks.
 */
public interface HealthObserver {

    /** Does nothing. */
    HealthObserver NONE = new HealthObserver() {
        @Override
        public void heartbeat(Instant previous, Instant now) {
        }

        @Override
        public void applied(long nodeId, long revision, Instant when) {
        }
    };

    /** A heartbeat arrived {@code now}; {@code previous} is the node's last one, or null. */
    void heartbeat(Instant previous, Instant now);

    /** Node {@code nodeId} was learnt to hold {@code revision}, newer than it held before, at {@code when}. */
    void applied(long nodeId, long revision, Instant when);
}
