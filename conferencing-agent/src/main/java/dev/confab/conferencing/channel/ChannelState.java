package dev.confab.conferencing.channel;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of a node's channel to the Management Node and, in {@link #canBecome}, the only
 * transitions between them:
 *
 * <pre>
 * STARTING ──▶ REPORTING ──▶ REFUSED                  (revoked, 401, any refusal but unknown)
 *                 ▲   │
 *                 │   └────▶ RE_ENROLLING ──▶ RESTARTING   (enrolled again; the restart follows)
 *                 │               │     └───▶ REFUSED      (the re-enrolment was refused)
 *                 └── RESUMING ◀──┘                        (undecided: after one interval)
 * </pre>
 *
 * and every state but STOPPED becomes STOPPED when the agent closes. Immutable.
 */
enum ChannelState {

    /** Built, loops not yet started. */
    STARTING,
    /** Heartbeats and replication run. */
    REPORTING,
    /** Told unknown: the loops stopped, one re-enrolment runs. */
    RE_ENROLLING,
    /** The re-enrolment was left undecided: the loops start again on the old certificate after one interval. */
    RESUMING,
    /** Enrolled again: the new key and certificate are stored and the restart onto them was asked for. */
    RESTARTING,
    /** Refused for good: nothing is sent any more. */
    REFUSED,
    /** Closed. */
    STOPPED;

    private static final Map<ChannelState, Set<ChannelState>> NEXT = Map.of(
            STARTING, EnumSet.of(REPORTING, STOPPED),
            REPORTING, EnumSet.of(RE_ENROLLING, REFUSED, STOPPED),
            RE_ENROLLING, EnumSet.of(RESTARTING, RESUMING, REFUSED, STOPPED),
            RESUMING, EnumSet.of(REPORTING, STOPPED),
            RESTARTING, EnumSet.of(STOPPED),
            REFUSED, EnumSet.of(STOPPED),
            STOPPED, EnumSet.noneOf(ChannelState.class));

    /** Whether the channel may go from this state to {@code next}. */
    boolean canBecome(ChannelState next) {
        return NEXT.get(this).contains(next);
    }

    /** Whether the node reports to the Management Node in this state, as {@code /status} says. */
    boolean reporting() {
        return this == STARTING || this == REPORTING;
    }
}
