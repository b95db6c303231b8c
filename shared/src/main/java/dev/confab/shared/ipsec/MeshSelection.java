package dev.confab.shared.ipsec;

import dev.confab.shared.net.Ipv4Address;
import dev.confab.shared.wire.MeshPeer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which nodes a node keeps IPsec tunnels with: a full mesh, except that a proxying edge node needs
 * only the nodes of its own location, of its location's transcoding and overflow locations, and the
 * Management Node. A tunnel needs both ends, so the rule is applied from both sides: a transcoding
 * node leaves out the proxying edge nodes that do not need it. A peer whose address names no
 * single other host is left out ({@link #reachable}). Pure and thread-safe.
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
                .filter(peer -> reachable(self, peer))
                .filter(peer -> needs(self, peer, locations) && needs(peer, self, locations))
                .toList();
    }

    /**
     * Whether a tunnel from {@code self} to {@code peer}'s address can exist: not the unspecified,
     * limited broadcast, multicast or link-local address, and a loopback address only from a
     * loopback address. A loopback peer is on the same host as {@code self} only when {@code self}
     * is on loopback too (nodes side by side on 127.0.1.x, as in {@code confab demo}, where the
     * tunnels are rendered but strongSwan loads nothing); from anywhere else it would name the
     * node's own host. An address that is not IPv4 is left to the renderer's check.
     */
    static boolean reachable(MeshPeer self, MeshPeer peer) {
        Optional<Ipv4Address> address = Ipv4Address.tryParse(peer.address());
        if (address.isEmpty()) {
            return true;
        }
        Ipv4Address ip = address.get();
        if (ip.isUnspecified() || ip.isLimitedBroadcast() || ip.isMulticast() || ip.isLinkLocal()) {
            return false;
        }
        return !ip.isLoopback() || Ipv4Address.tryParse(self.address()).map(Ipv4Address::isLoopback).orElse(false);
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
