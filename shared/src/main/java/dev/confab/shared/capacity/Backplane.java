package dev.confab.shared.capacity;

/**
 * The backplane rule: in a platform of more than one Conferencing Node, each conference a node
 * hosts reserves one HD call of that node for the backplane between nodes, whether or not the
 * conference spans another node yet. A conference that spans nodes counts its backplane on each.
 * A platform of one node has no backplane.
 */
public final class Backplane {

    /** Media tokens one conference's backplane takes on a node: one HD call. */
    public static final int TOKENS = CallType.TOKENS_PER_HD;

    private Backplane() {
    }

    /** Backplane tokens of {@code conferences} conferences hosted on one node. */
    public static int tokens(int conferences, boolean multiNodePlatform) {
        return multiNodePlatform ? conferences * TOKENS : 0;
    }

    /**
     * Media tokens a node needs to take one more call of {@code type}: the call's own, plus the
     * conference's backplane when the node does not host the conference yet.
     */
    public static int tokensToAdmit(CallType type, boolean hostsConference, boolean multiNodePlatform) {
        return type.tokens() + (hostsConference ? 0 : tokens(1, multiNodePlatform));
    }
}
