package dev.confab.management.nodes;

import dev.confab.management.ManagementException;

/**
 * A node-channel request refused (HTTP 401 without a client certificate, 403 with a revoked one or
 * one no enrolled node holds). The node takes either as "unknown" and stops reporting.
 */
public final class NodeRefusedException extends ManagementException {

    private final int status;

    public NodeRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
