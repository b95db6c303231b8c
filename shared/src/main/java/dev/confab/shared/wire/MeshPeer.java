package dev.confab.shared.wire;

/**
 * One node of the platform's mesh as the node list replicates it: every Conferencing Node, and the
 * Management Node itself.
 *
 * @param name         the node's name ({@code worker_vm.name}, or the Management Node's)
 * @param address      its IPv4 (or IPv6) address, where its agents listen and its IPsec tunnel ends
 * @param nodeType     {@code CONFERENCING} (transcoding), {@code PROXYING} (proxying edge) or {@code MANAGEMENT}
 * @param locationName the name of its system location; empty for the Management Node
 */
public record MeshPeer(String name, String address, String nodeType, String locationName) {

    public static final String CONFERENCING = "CONFERENCING";
    public static final String PROXYING = "PROXYING";
    public static final String MANAGEMENT = "MANAGEMENT";

    public MeshPeer {
        locationName = locationName == null ? "" : locationName;
    }

    public boolean isProxying() {
        return PROXYING.equals(nodeType);
    }

    public boolean isManagement() {
        return MANAGEMENT.equals(nodeType);
    }
}
