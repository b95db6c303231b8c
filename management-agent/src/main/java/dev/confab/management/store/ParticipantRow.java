package dev.confab.management.store;

/** One participant as {@code participant_status} and {@code participant_history} hold it; times in the API format. */
public record ParticipantRow(String uuid, String conference, String serviceType, String displayName,
                             String destinationAlias, String protocol, String role, String callDirection,
                             String callType, String mediaNode, String signallingNode, String systemLocation,
                             String connectTime) {
}
