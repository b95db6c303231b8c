package dev.confab.conferencing.admission;

/**
 * An admitted call as {@code request_token} answers it.
 *
 * @param expiresSeconds how long the token is valid unless refreshed
 */
public record Admitted(String token, long expiresSeconds, String participantUuid, Role role, String displayName,
                       String callType, String conference, String mediaNode, String signallingNode,
                       String systemLocation) {
}
