package dev.confab.conferencing.channel;

import dev.confab.conferencing.ConferencingException;
import dev.confab.shared.wire.NodeChannel;

/**
 * The Management Node refused this node on the node channel: it answered a heartbeat or a poll
 * with HTTP 401 or 403 for the node's certificate. When it says the node is
 * {@link NodeChannel#UNKNOWN unknown} (its certificate is from the CA, but the Management Node has no
 * record of it, as after a restore from an older backup), the node may enrol again with the token of
 * its stored configuration file; any other refusal (revoked: the node was deleted) is final.
 */
public final class ChannelRefusedException extends ConferencingException {

    private final boolean unknown;

    public ChannelRefusedException(String message, boolean unknown) {
        super(message);
        this.unknown = unknown;
    }

    /** True when the Management Node said it does not know the node, rather than refusing it for good. */
    public boolean unknown() {
        return unknown;
    }
}
