package dev.confab.management.channel;

/**
 * The enrolled node a node-channel request comes from, known by its client certificate, and where
 * its requests may come from.
 */
public record ChannelNode(long nodeId, String fqdn, String serial, NodeSource source) {
}
