package dev.confab.management.provisioning;

import dev.confab.shared.nodeconfig.NodeConfig;

/**
 * Where nodes reach the Management Node's node channel, and the fingerprint of the CA they pin.
 *
 * @param address the address written into configuration files
 * @param port    the node channel's bound port
 */
public record ManagementEndpoint(String address, int port, String caFingerprintSha256) {

    NodeConfig.ManagementNode forFile() {
        return new NodeConfig.ManagementNode(address, port, caFingerprintSha256);
    }
}
