package dev.confab.shared.wire;

import java.util.List;

/**
 * A system location's nodes and their load, as the Management Node answers it to nodes.
 *
 * @param name  the location's name
 * @param nodes its Conferencing Nodes, by name
 */
public record LocationLoad(String name, List<NodeLoad> nodes) {

    public LocationLoad {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }
}
