package dev.confab.shared.capacity;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
