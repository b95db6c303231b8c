package dev.confab.management.channel;

import dev.confab.management.ManagementException;
import dev.confab.shared.wire.NodeChannel;

import java.util.Optional;

/**
 * A node-channel request refused: HTTP 401 without a client certificate; 403 with one the CA has
 * revoked ({@link NodeChannel#REVOKED}: the node was deleted, final) or with one from the CA that no
 * record of this Management Node holds ({@link NodeChannel#UNKNOWN}: it was restored from a backup
 * taken before the node enrolled, and the node may enrol again with the token it holds). The kind
 * is answered in the body's {@link NodeChannel#REFUSAL} field.
 */
public final class NodeNotAdmittedException extends ManagementException {

    private final int status;
    private final String node;

    /** {@code node}: {@link NodeChannel#UNKNOWN}, {@link NodeChannel#REVOKED}, or null when no certificate was shown. */
    public NodeNotAdmittedException(int status, String node, String message) {
        super(message);
        this.status = status;
        this.node = node;
    }

    public int status() {
        return status;
    }

    /** What the Management Node makes of the certificate, when one was shown. */
    public Optional<String> node() {
        return Optional.ofNullable(node);
    }
}
