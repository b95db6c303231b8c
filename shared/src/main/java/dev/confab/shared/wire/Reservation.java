package dev.confab.shared.wire;

import java.util.List;

/**
 * Node to node: {@code POST /node/v1/reserve} asks a node for the media capacity of one call;
 * {@code POST /node/v1/release} gives reservations back. The reserving node's own check is
 * authoritative: it never takes more than its capacity.
 */
public final class Reservation {

    private Reservation() {
    }

    /**
     * @param reservation the call's participant id, which names the reservation
     * @param conference  the conference's name: the first call of a conference on a node also
     *                    reserves its backplane there, on a platform of several nodes
     * @param callType    the call type's wire name
     * @param signallingIncarnation the calls' generation of the node asking ({@link Heartbeat.Calls#incarnation()}):
     *                    the reservation ends with it
     */
    public record Request(String reservation, String conference, String callType, String signallingIncarnation) {
    }

    /**
     * @param reserved whether the capacity is held now
     * @param refusal  why not (no room, maintenance mode), null when reserved
     * @param incarnation the reserving node's calls' generation: the call ends with it
     */
    public record Answer(boolean reserved, String refusal, String incarnation) {
    }

    /** @param reservations the participant ids whose reservations end */
    public record Release(List<String> reservations) {

        public Release {
            reservations = reservations == null ? List.of() : List.copyOf(reservations);
        }
    }
}
