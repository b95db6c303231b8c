package dev.confab.shared.wire;

import java.util.List;

/**
 * The Management Node's answer to {@code GET /node/v1/participants?conference=NAME}: the
 * conference's participants on the whole platform, as the nodes last reported them.
 */
public record ParticipantList(List<ParticipantReport> participants) {

    public ParticipantList {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }
}
