package dev.confab.shared.ipsec;

import dev.confab.shared.wire.MeshPeer;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which nodes a node keeps IPsec tunnels with: a full mesh, except that a proxying edge node needs
 * only the nodes of its own location, of its location's transcoding and overflow locations, and the
 * Management Node. A tunnel needs both ends, so the rule is applied from both sides: a transcoding
 * node leaves out the proxying edge nodes that do not need it. Pure and thread-safe.
 */
public final class MeshSelection {

    private MeshSelection() {
    }

    /**
     * The peers of {@code self} among {@code nodes} (which may include {@code self}, left out by
     * address), in the order given. {@code locations} maps location names to their links; a location
     * missing from it links only to itself.
     */
    public static List<MeshPeer> peersOf(MeshPeer self, List<MeshPeer> nodes, Map<String, LocationLinks> locations) {
        return nodes.stream()
                .filter(peer -> !peer.address().equals(self.address()))
                .filter(peer -> needs(self, peer, locations) && needs(peer, self, locations))
                .toList();
    }

    /** Whether {@code node} needs a tunnel to {@code other}, seen from {@code node}'s side only. */
    static boolean needs(MeshPeer node, MeshPeer other, Map<String, LocationLinks> locations) {
        if (!NodeTypes.isProxying(node) || NodeTypes.isManagement(other)) {
            return true;
        }
        Set<String> reachable = locations.getOrDefault(NodeTypes.location(node),
                new LocationLinks(NodeTypes.location(node), "", "", "")).reachable();
        return reachable.contains(NodeTypes.location(other));
    }
}
