package dev.confab.localcloud.callgen;

import java.util.List;

/**
 * What a callgen run does: which alias it calls (with which PIN, or none), on which nodes' client
 * API base URLs (round-robin), when each call starts, its type and how long it is held. Immutable.
 */
record CallgenPlan(String alias, String pin, List<String> nodes, RateSchedule schedule, CallMix mix, HoldTime hold,
                   String displayName) {

    CallgenPlan {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("A run needs at least one node to call.");
        }
        nodes = List.copyOf(nodes);
    }

    /** The node that receives call {@code number}: round-robin over the nodes. */
    String nodeFor(long number) {
        return nodes.get((int) (number % nodes.size()));
    }
}
