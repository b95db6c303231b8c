package dev.confab.shared.wire;

/**
 * One node of the platform's mesh as a Conferencing Node's replica knows it.
 *
 * @param name         the node's name ({@code Management Node} for the Management Node)
 * @param address      its IPv4 address
 * @param nodeType     {@code CONFERENCING}, {@code PROXYING} or {@code MANAGEMENT}
 * @param locationName its system location's name, empty for the Management Node
 */
public record MeshPeer(String name, String address, String nodeType, String locationName) {
}
