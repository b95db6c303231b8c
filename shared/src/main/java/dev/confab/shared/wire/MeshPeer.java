package dev.confab.shared.wire;

/**
 * One node of the platform's mesh as the node list replicates it.
 *
 * @param name         the node's name ({@code worker_vm.name}, or the Management Node's)
 * @param address      its IPv4 (or IPv6) address, where its agents listen and its IPsec tunnels end
 * @param nodeType     {@code CONFERENCING} (transcoding), {@code PROXYING} (proxying edge) or {@code MANAGEMENT}
 * @param locationName the name of its system location; empty (or null) for the Management Node
 */
public record MeshPeer(String name, String address, String nodeType, String locationName) {
}
