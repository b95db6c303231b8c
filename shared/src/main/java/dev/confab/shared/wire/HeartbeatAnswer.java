package dev.confab.shared.wire;

import java.util.Map;

/**
 * The Management Node's answer to a heartbeat: when to send the next one and the newest revision.
 * A node whose certificate the Management Node does not accept is answered 403 instead, with an
 * {@link ErrorResponse} whose {@code node} field says why: {@link NodeChannel#UNKNOWN} (the node
 * enrols again, once, with the token it holds) or {@link NodeChannel#REVOKED} (it stops).
 *
 * @param intervalMillis  send the next heartbeat after about this long (the node adds jitter)
 * @param latestRevision  the newest configuration revision
 * @param locationLoad    media load in percent of each system location, by location name
 */
public record HeartbeatAnswer(long intervalMillis, long latestRevision, Map<String, Integer> locationLoad) {

    public HeartbeatAnswer {
        locationLoad = locationLoad == null ? Map.of() : Map.copyOf(locationLoad);
    }
}
