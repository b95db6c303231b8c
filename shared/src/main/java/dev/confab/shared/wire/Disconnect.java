package dev.confab.shared.wire;

import java.util.List;

/**
 * Management Node to node: {@code POST /node/v1/disconnect} ends calls the node signals: their
 * tokens are dropped and their capacity freed.
 */
public final class Disconnect {

    private Disconnect() {
    }

    /**
     * @param participants participant ids to disconnect
     * @param conferences  conference names whose every participant (on this node) to disconnect
     */
    public record Request(List<String> participants, List<String> conferences) {

        public Request {
            participants = participants == null ? List.of() : List.copyOf(participants);
            conferences = conferences == null ? List.of() : List.copyOf(conferences);
        }
    }

    /** @param disconnected the participant ids whose calls ended */
    public record Answer(List<String> disconnected) {

        public Answer {
            disconnected = disconnected == null ? List.of() : List.copyOf(disconnected);
        }
    }
}
