package dev.confab.conferencing.channel;

import dev.confab.conferencing.ConferencingException;

/**
 * The Management Node no longer accepts this node's certificate (HTTP 401 or 403): the node was
 * deleted and its certificate revoked. The node stops reporting; only a new configuration file
 * brings it back.
 */
public final class NodeUnknownException extends ConferencingException {

    public NodeUnknownException(String message) {
        super(message);
    }
}
