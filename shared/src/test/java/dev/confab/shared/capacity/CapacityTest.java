package dev.confab.shared.capacity;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapacityTest {

    @Test
    void aC5TwoXLargeHostsTheGuidesCalls() {
        Capacity capacity = Capacity.of("c5.2xlarge", 2);
        assertEquals(17, capacity.maxHdCalls());
        assertEquals(39, capacity.maxSdCalls());
        assertEquals(324, capacity.maxAudioCalls());
        assertEquals(17 * 16, capacity.maxMediaTokens());
    }

    @Test
    void anUnknownInstanceTypeScalesWithItsCpuCount() {
        assertEquals(Capacity.ofCpus(4), Capacity.of("", 4));
        assertEquals(Capacity.ofCpus(4), Capacity.of("c5.xlarge", 64));
        assertEquals(9, Capacity.ofCpus(4).maxHdCalls());
        assertEquals(34, Capacity.ofCpus(16).maxHdCalls());
    }

    @Test
    void callsWeighInHdEquivalents() {
        assertEquals(2.0, CallType.FULL_HD.hdWeight());
        assertEquals(1.0, CallType.HD.hdWeight());
        assertEquals(0.5, CallType.SD.hdWeight());
        assertEquals(1.0 / 16, CallType.AUDIO.hdWeight());
        int tokens = Capacity.tokensUsed(Map.of(CallType.FULL_HD, 1, CallType.SD, 2, CallType.AUDIO, 16));
        assertEquals(4 * CallType.TOKENS_PER_HD, tokens);
        assertEquals(24, Capacity.of("c5.2xlarge", 8).mediaLoad(tokens));
    }

    @Test
    void freeHdCallsAreWholeHdCallsInTheFreeTokens() {
        int max = 17 * CallType.TOKENS_PER_HD;
        assertEquals(17, Capacity.freeHdCalls(max, 0));
        assertEquals(16, Capacity.freeHdCalls(max, 1));
        assertEquals(15, Capacity.freeHdCalls(max, 2 * 16 - 1 + 1));
        assertEquals(0, Capacity.freeHdCalls(max, max - 15));
        assertEquals(0, Capacity.freeHdCalls(max, max + 40));
        assertEquals(0, Capacity.freeTokens(max, max + 40));
        assertEquals(15, Capacity.of("c5.2xlarge", 8).freeTokens(max - 15));
    }

    @Test
    void aConferenceReservesOneHdCallForItsBackplaneOnlyOnAPlatformOfSeveralNodes() {
        assertEquals(3 * 16, Backplane.tokens(3, true));
        assertEquals(0, Backplane.tokens(3, false));
        assertEquals(16 + 16, Backplane.tokensToAdmit(CallType.HD, false, true));
        assertEquals(16, Backplane.tokensToAdmit(CallType.HD, true, true));
        assertEquals(16, Backplane.tokensToAdmit(CallType.HD, false, false));
        assertEquals(1 + 16, Backplane.tokensToAdmit(CallType.AUDIO, false, true));
    }

    @Test
    void aSeventeenHdNodeOfASeveralNodePlatformTakesSixteenHdCallsOfOneConference() {
        int max = Capacity.of("c5.2xlarge", 8).maxMediaTokens();
        int used = 0;
        int admitted = 0;
        while (used + Backplane.tokensToAdmit(CallType.HD, admitted > 0, true) <= max) {
            used += Backplane.tokensToAdmit(CallType.HD, admitted > 0, true);
            admitted++;
        }
        assertEquals(16, admitted);
        assertEquals(max, used);
    }

    @Test
    void callTypesHaveLowerCaseWireNames() {
        assertEquals("full_hd", CallType.FULL_HD.wireName());
        assertEquals(CallType.SD, CallType.ofWireName("sd").orElseThrow());
        assertTrue(CallType.ofWireName("HD").isEmpty());
        assertTrue(CallType.ofWireName("4k").isEmpty());
        assertEquals("full_hd, hd, sd, audio", CallType.wireNames());
    }
}
