package dev.confab.conferencing.admission;

import dev.confab.shared.capacity.CallType;
import dev.confab.shared.wire.ParticipantReport;

import java.time.Instant;

/**
 * A call this node signals: admitted by its client API, its media placed on a node (this one or
 * another), held by a token the caller refreshes. Immutable; a refresh or a placement makes a new one.
 *
 * @param media   where its capacity is held; null while it is placed
 * @param token   the token that holds it now; null while it is placed
 * @param expires when the token expires unless refreshed
 */
record Call(String uuid, String displayName, String alias, Service service, Role role, CallType callType,
            String signallingNode, Instant connectTime, Media media, String token, Instant expires) {

    /**
     * Where a call's media capacity is held.
     *
     * @param node        the media node's name
     * @param location    its system location
     * @param incarnation its calls' generation when it took the call: the call ends with it
     * @param local       whether it is this node
     */
    record Media(String node, String location, String address, int nodePort, String incarnation, boolean local) {
    }

    boolean placed() {
        return media != null;
    }

    Call placedOn(Media where, String newToken, Instant expiry) {
        return new Call(uuid, displayName, alias, service, role, callType, signallingNode, connectTime, where, newToken,
                expiry);
    }

    Call refreshed(String newToken, Instant expiry) {
        return new Call(uuid, displayName, alias, service, role, callType, signallingNode, connectTime, media, newToken,
                expiry);
    }

    /** The call as nodes report it to the Management Node. */
    ParticipantReport report() {
        return new ParticipantReport(uuid, displayName, alias, service.name(), service.serviceType(), role.name(),
                callType.wireName(), signallingNode, placed() ? media.node() : "", placed() ? media.location() : "",
                connectTime.toString(), placed());
    }

    /** "an HD call", "a Full HD call", "an SD call", "an audio-only call". */
    static String describe(CallType type) {
        return switch (type) {
            case FULL_HD -> "a Full HD call";
            case HD -> "an HD call";
            case SD -> "an SD call";
            case AUDIO -> "an audio-only call";
        };
    }
}
