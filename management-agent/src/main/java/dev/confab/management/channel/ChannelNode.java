package dev.confab.management.channel;

/**
 * The enrolled node a node-channel request comes from, known by its client certificate, its name
 * in the configuration when it was looked up (again after every change to its {@code worker_vm}),
 * and where its requests may come from.
 */
public record ChannelNode(long nodeId, String name, String fqdn, String serial, NodeSource source) {
}
