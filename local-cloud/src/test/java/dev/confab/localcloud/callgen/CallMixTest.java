package dev.confab.localcloud.callgen;

import dev.confab.shared.capacity.CallType;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallMixTest {

    @Test
    void readsWeightsOfEachCallType() {
        CallMix mix = CallMix.parse("full_hd=10, hd=60,sd=20,audio=10");

        assertEquals(0.1, mix.share(CallType.FULL_HD), 1e-9);
        assertEquals(0.6, mix.share(CallType.HD), 1e-9);
        assertEquals(0.2, mix.share(CallType.SD), 1e-9);
        assertEquals(0.1, mix.share(CallType.AUDIO), 1e-9);
        assertEquals("full_hd=10,hd=60,sd=20,audio=10", mix.toString());
    }

    @Test
    void weightsAreRelativeAndZeroLeavesATypeOut() {
        CallMix mix = CallMix.parse("hd=1,audio=3,sd=0");

        assertEquals(0.25, mix.share(CallType.HD), 1e-9);
        assertEquals(0.75, mix.share(CallType.AUDIO), 1e-9);
        assertEquals(0, mix.share(CallType.SD));
        assertEquals("hd=1,audio=3", mix.toString());
    }

    @Test
    void drawsEachTypeInProportionToItsWeight() {
        CallMix mix = CallMix.parse("hd=70,sd=20,audio=10");
        SplittableRandom random = new SplittableRandom(3);
        Map<CallType, Integer> drawn = new EnumMap<>(CallType.class);
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            drawn.merge(mix.pick(random), 1, Integer::sum);
        }

        assertEquals(0.7, drawn.get(CallType.HD) / (double) draws, 0.01);
        assertEquals(0.2, drawn.get(CallType.SD) / (double) draws, 0.01);
        assertEquals(0.1, drawn.get(CallType.AUDIO) / (double) draws, 0.01);
        assertEquals(null, drawn.get(CallType.FULL_HD));
    }

    @Test
    void refusesAMixThatIsWrongSayingWhat() {
        assertProblem("hd=70,video=30", "'video' is not a call type; the types are full_hd, hd, sd, audio.");
        assertProblem("hd=70,hd=30", "hd is given twice.");
        assertProblem("hd=seventy", "the weight of hd is not a whole number.");
        assertProblem("hd=-1", "the weight of hd must be from 0 to 1000000.");
        assertProblem("hd=0,sd=0", "at least one weight must be more than 0.");
        assertProblem("hd", "'hd' is not TYPE=WEIGHT.");
        assertProblem("hd=70,", "'' is not TYPE=WEIGHT.");
        assertProblem("HD=70", "'HD' is not a call type; the types are full_hd, hd, sd, audio.");
    }

    private static void assertProblem(String text, String problem) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> CallMix.parse(text));
        assertEquals("Invalid call mix '" + text + "': " + problem
                + " Write TYPE=WEIGHT pairs joined by commas, e.g. hd=70,sd=20,audio=10.", error.getMessage());
        assertTrue(error.getMessage().contains(problem));
    }
}
