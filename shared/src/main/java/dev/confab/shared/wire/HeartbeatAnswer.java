package dev.confab.shared.wire;

import java.util.List;
import java.util.Map;

/**
 * The Management Node's answer to a heartbeat: when to send the next one, the newest revision, each
 * location's media load, and the calls' generations that ended. (A node places calls on the load of a
 * licence answer, read when it asks; a heartbeat answer carries no per-location totals.) A node whose certificate the Management Node does not
 * accept is answered 403 instead, with an {@link ErrorResponse} whose {@code node} field says why:
 * {@link NodeChannel#UNKNOWN} (the node enrols again, once, with the token it holds) or
 * {@link NodeChannel#REVOKED} (it stops).
 *
 * @param intervalMillis send the next heartbeat after about this long (the node adds jitter)
 * @param latestRevision the newest configuration revision
 * @param locationLoad   media load in percent of each system location, by location name
 * @param endedNodes     calls' generations of nodes that ended lately: declared lost (silent for 3
 *                       intervals) or started anew; every call signalled or hosted by one is over
 * @param declaredLost   whether this node's own generation has ended (it was declared lost): the
 *                       Management Node has freed its calls, so the node ends them too and starts
 *                       a new generation
 */
public record HeartbeatAnswer(long intervalMillis, long latestRevision, Map<String, Integer> locationLoad,
                              List<EndedNode> endedNodes, boolean declaredLost) {

    public HeartbeatAnswer {
        locationLoad = locationLoad == null ? Map.of() : Map.copyOf(locationLoad);
        endedNodes = endedNodes == null ? List.of() : List.copyOf(endedNodes);
    }

    public HeartbeatAnswer(long intervalMillis, long latestRevision, Map<String, Integer> locationLoad) {
        this(intervalMillis, latestRevision, locationLoad, List.of(), false);
    }

    /**
     * A node's calls' generation that ended.
     *
     * @param name        the node's name
     * @param incarnation the generation ({@link Heartbeat.Calls#incarnation()})
     */
    public record EndedNode(String name, String incarnation) {
    }
}
