package dev.confab.management.cloud.guide;

/**
 * A Conferencing Node as the Management Node has it configured, in the fields the AWS templates and
 * the deployment check read. Immutable.
 *
 * @param address       the node's IPv4 address: its instance's private IP
 * @param netmask       its IPv4 netmask, which names the subnet the instance lives in
 * @param location      the id of its system location
 * @param cloudBursting whether the platform marks it as an overflow node
 */
public record ConfiguredNode(long id, String name, String hostname, String address, String netmask, long location,
                             boolean cloudBursting) {
}
