package dev.confab.shared.ipsec;

import dev.confab.shared.wire.MeshPeer;

/** The {@link MeshPeer#nodeType()} values, and the questions the mesh asks of them. */
public final class NodeTypes {

    /** A transcoding Conferencing Node ({@code worker_vm.node_type}). */
    public static final String CONFERENCING = "CONFERENCING";
    /** A proxying edge node ({@code worker_vm.node_type}). */
    public static final String PROXYING = "PROXYING";
    /** The Management Node. */
    public static final String MANAGEMENT = "MANAGEMENT";

    private NodeTypes() {
    }

    static boolean isProxying(MeshPeer peer) {
        return PROXYING.equals(peer.nodeType());
    }

    static boolean isManagement(MeshPeer peer) {
        return MANAGEMENT.equals(peer.nodeType());
    }

    /** The peer's location name, empty for none (the Management Node's). */
    static String location(MeshPeer peer) {
        return peer.locationName() == null ? "" : peer.locationName();
    }
}
