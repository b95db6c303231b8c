package dev.confab.management.bursting;

import dev.confab.shared.capacity.CallType;

import java.util.Objects;

/**
 * A Conferencing Node as the bursting policy sees it. Immutable.
 *
 * @param locationId     id of its system location
 * @param bursting       an overflow (bursting) node: an EC2 instance the policy may start and stop;
 *                       otherwise an always-on node, which the policy never touches
 * @param capacityTokens media tokens it hosts when empty (HD calls × {@link CallType#TOKENS_PER_HD})
 * @param maintenance    in maintenance mode: it takes no new conference, so it adds no free capacity
 */
public record Node(long id, String name, long locationId, boolean bursting, int capacityTokens, boolean maintenance) {

    public Node {
        Objects.requireNonNull(name, "name");
        if (capacityTokens < 0) {
            throw new IllegalArgumentException("Node " + name + " has a negative capacity (" + capacityTokens
                    + " tokens)");
        }
    }

    /** The HD calls it hosts when empty. */
    public int capacityHdCalls() {
        return capacityTokens / CallType.TOKENS_PER_HD;
    }
}
