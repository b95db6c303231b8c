package dev.confab.management.health;

import dev.confab.shared.capacity.Capacity;
import dev.confab.shared.wire.Heartbeat;

import java.time.Instant;

/**
 * What the Management Node knows of one node's health at a moment: the row of {@code node_status}.
 * {@code lastContact} and {@code lastUpdated} are null until they happen; {@code heartbeat} is null
 * until the first heartbeat since the Management Node started. Immutable.
 */
public record NodeReport(long nodeId, Heartbeat heartbeat, Instant lastContact, Instant lastUpdated,
                         long appliedRevision, boolean reachable) {

    /** The reported capacity, or none. */
    public Capacity capacity() {
        return heartbeat == null || heartbeat.capacity() == null ? new Capacity(0, 0, 0, 0, 0) : heartbeat.capacity();
    }

    /** The reported load, or idle. */
    public Heartbeat.Load load() {
        return heartbeat == null || heartbeat.load() == null ? Heartbeat.Load.idle() : heartbeat.load();
    }
}
