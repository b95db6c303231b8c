package dev.confab.management.store;

/**
 * An enrolment token as stored: only its SHA-256, never the token.
 *
 * @param nodeRevision the configuration revision that created the node
 * @param state        ISSUED, USED, SUPERSEDED or NODE_DELETED
 */
public record NodeToken(long id, long nodeId, long nodeRevision, String nodeName, String tokenHash, String created,
                        String expires, String state, String used) {

    public static final String ISSUED = "ISSUED";
    public static final String USED = "USED";
    public static final String SUPERSEDED = "SUPERSEDED";
    public static final String NODE_DELETED = "NODE_DELETED";
}
