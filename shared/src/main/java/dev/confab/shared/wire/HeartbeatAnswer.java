package dev.confab.shared.wire;

import java.util.List;
import java.util.Map;

/**
 * The Management Node's answer to a heartbeat: when to send the next one, the newest revision, and
 * the load a node needs to place calls. A node whose certificate the Management Node does not
 * accept is answered 403 instead, with an {@link ErrorResponse} whose {@code node} field says why:
 * {@link NodeChannel#UNKNOWN} (the node enrols again, once, with the token it holds) or
 * {@link NodeChannel#REVOKED} (it stops).
 *
 * @param intervalMillis send the next heartbeat after about this long (the node adds jitter)
 * @param latestRevision the newest configuration revision
 * @param locationLoad   media load in percent of each system location, by location name
 * @param locations      the load of the locations this node may place media in (its own or its
 *                       transcoding location, and its overflow locations), as fresh as the
 *                       Management Node has it: totals only (a licence answer lists the nodes)
 * @param endedNodes     calls' generations of nodes that ended lately: declared lost (silent for 3
 *                       intervals) or started anew; every call signalled or hosted by one is over
 * @param declaredLost   whether this node's own generation has ended (it was declared lost): the
 *                       Management Node has freed its calls, so the node ends them too and starts
 *                       a new generation
 */
public record HeartbeatAnswer(long intervalMillis, long latestRevision, Map<String, Integer> locationLoad,
                              List<LocationLoad> locations, List<EndedNode> endedNodes, boolean declaredLost) {

    public HeartbeatAnswer {
        locationLoad = locationLoad == null ? Map.of() : Map.copyOf(locationLoad);
        locations = locations == null ? List.of() : List.copyOf(locations);
        endedNodes = endedNodes == null ? List.of() : List.copyOf(endedNodes);
    }

    public HeartbeatAnswer(long intervalMillis, long latestRevision, Map<String, Integer> locationLoad) {
        this(intervalMillis, latestRevision, locationLoad, List.of(), List.of(), false);
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
