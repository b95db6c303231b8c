package dev.confab.management.bursting;

import java.util.Objects;

/**
 * Start or stop one overflow node's EC2 instance, and why: the reason goes to the Conferencing
 * Node history as it is. Immutable.
 *
 * @param locationId the node's location
 * @param reason     one sentence an operator reads, e.g. "free HD calls in London (4) reached the
 *                   bursting threshold (5); starting overflow node overflow-1a (i-0a) of Overflow-1"
 */
public record BurstingAction(Kind kind, String instanceId, long nodeId, String nodeName, long locationId,
                             String reason) {

    /** What to ask of EC2. */
    public enum Kind { START, STOP }

    public BurstingAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(reason, "reason");
    }

    static BurstingAction start(OverflowNode node, String reason) {
        return of(Kind.START, node, reason);
    }

    static BurstingAction stop(OverflowNode node, String reason) {
        return of(Kind.STOP, node, reason);
    }

    private static BurstingAction of(Kind kind, OverflowNode node, String reason) {
        return new BurstingAction(kind, node.instance().instanceId(), node.node().id(), node.node().name(),
                node.node().locationId(), reason);
    }

    @Override
    public String toString() {
        return kind + " " + instanceId + ": " + reason;
    }
}
