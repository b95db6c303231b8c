package dev.confab.management.bursting;

import dev.confab.shared.capacity.CallType;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The last load a Conferencing Node reported. A node without one has an unknown load (it has not
 * reported since the Management Node started); one whose report is older than the staleness limit
 * has a stale load. Immutable.
 *
 * @param tokensInUse media tokens its calls use, backplanes included
 * @param conferences conference instances it hosts
 * @param reportedAt  when the node reported it
 */
public record NodeLoad(long nodeId, int tokensInUse, int conferences, Instant reportedAt) {

    public NodeLoad {
        Objects.requireNonNull(reportedAt, "reportedAt");
        if (tokensInUse < 0 || conferences < 0) {
            throw new IllegalArgumentException("The load of node " + nodeId + " is negative (" + tokensInUse
                    + " tokens, " + conferences + " conferences)");
        }
    }

    /** Whether the node hosts no call at all: no token in use and no conference. */
    public boolean hostsNoCall() {
        return tokensInUse == 0 && conferences == 0;
    }

    /** Whether the report is at most {@code staleAfter} old at {@code now}. */
    public boolean freshAt(Instant now, Duration staleAfter) {
        return !reportedAt.plus(staleAfter).isBefore(now);
    }

    /** Whole HD calls still free on a node of {@code capacityTokens}: a call never spans two nodes. */
    public int freeHdCalls(int capacityTokens) {
        return Math.max(0, capacityTokens - tokensInUse) / CallType.TOKENS_PER_HD;
    }
}
