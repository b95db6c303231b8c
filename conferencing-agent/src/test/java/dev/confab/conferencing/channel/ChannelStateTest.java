package dev.confab.conferencing.channel;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static dev.confab.conferencing.channel.ChannelState.REFUSED;
import static dev.confab.conferencing.channel.ChannelState.REPORTING;
import static dev.confab.conferencing.channel.ChannelState.RESTARTING;
import static dev.confab.conferencing.channel.ChannelState.RESUMING;
import static dev.confab.conferencing.channel.ChannelState.RE_ENROLLING;
import static dev.confab.conferencing.channel.ChannelState.STARTING;
import static dev.confab.conferencing.channel.ChannelState.STOPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The channel's transitions: a refusal is final, and only an undecided re-enrolment leads back to reporting. */
class ChannelStateTest {

    private static EnumSet<ChannelState> next(ChannelState from) {
        EnumSet<ChannelState> next = EnumSet.noneOf(ChannelState.class);
        for (ChannelState to : ChannelState.values()) {
            if (from.canBecome(to)) {
                next.add(to);
            }
        }
        return next;
    }

    @Test
    void eachStateLeadsOnlyWhereTheNodeChannelGoes() {
        assertEquals(EnumSet.of(REPORTING, STOPPED), next(STARTING));
        assertEquals(EnumSet.of(RE_ENROLLING, REFUSED, STOPPED), next(REPORTING));
        assertEquals(EnumSet.of(RESTARTING, RESUMING, REFUSED, STOPPED), next(RE_ENROLLING));
        assertEquals(EnumSet.of(REPORTING, STOPPED), next(RESUMING));
        assertEquals(EnumSet.of(STOPPED), next(RESTARTING));
        assertEquals(EnumSet.of(STOPPED), next(REFUSED));
        assertEquals(EnumSet.noneOf(ChannelState.class), next(STOPPED));
    }

    @Test
    void theNodeReportsOnlyWhileItsLoopsRun() {
        EnumSet<ChannelState> reporting = EnumSet.noneOf(ChannelState.class);
        for (ChannelState state : ChannelState.values()) {
            if (state.reporting()) {
                reporting.add(state);
            }
        }
        assertEquals(EnumSet.of(STARTING, REPORTING), reporting);
    }
}
