package dev.confab.shared.wire;

import dev.confab.shared.capacity.Capacity;

import java.util.List;

/**
 * A system location's load as the Management Node answers it to nodes: its totals over the nodes
 * that report, and, where the answer is for placing a call, the nodes that can take it.
 *
 * @param maxMediaTokens  media tokens of its reachable nodes
 * @param mediaTokensUsed media tokens in use on them
 * @param freeHdCalls     free HD calls of its reachable transcoding nodes out of maintenance mode
 *                        (each node's own, summed: a call is never split between nodes)
 * @param nodes           nodes that can take a call, when the answer is for placing one; else empty
 */
public record LocationLoad(String name, int maxMediaTokens, int mediaTokensUsed, int freeHdCalls,
                           List<NodeLoad> nodes) {

    public LocationLoad {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    /** A location whose totals are those of {@code nodes}, which it lists. */
    public LocationLoad(String name, List<NodeLoad> nodes) {
        this(name, sum(nodes, true), sum(nodes, false), freeHd(nodes), nodes);
    }

    /** The totals of {@code all} the location's nodes, listing only {@code listed}. */
    public static LocationLoad of(String name, List<NodeLoad> all, List<NodeLoad> listed) {
        return new LocationLoad(name, sum(all, true), sum(all, false), freeHd(all), listed);
    }

    private static int sum(List<NodeLoad> nodes, boolean capacity) {
        return nodes.stream().filter(NodeLoad::reachable)
                .mapToInt(node -> capacity ? node.maxMediaTokens() : node.mediaTokensUsed()).sum();
    }

    private static int freeHd(List<NodeLoad> nodes) {
        return nodes.stream().filter(node -> node.reachable() && !node.maintenanceMode()
                && node.nodeType().equals("CONFERENCING"))
                .mapToInt(node -> Capacity.freeHdCalls(node.maxMediaTokens(), node.mediaTokensUsed())).sum();
    }
}
