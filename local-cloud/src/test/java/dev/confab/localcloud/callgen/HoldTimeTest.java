package dev.confab.localcloud.callgen;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HoldTimeTest {

    @Test
    void readsAFixedHoldInEachUnit() {
        assertEquals(new HoldTime.Fixed(Duration.ofMillis(500)), HoldTime.parse("500ms"));
        assertEquals(new HoldTime.Fixed(Duration.ofSeconds(30)), HoldTime.parse("30s"));
        assertEquals(new HoldTime.Fixed(Duration.ofMinutes(2)), HoldTime.parse(" 2m "));
        assertEquals(new HoldTime.Fixed(Duration.ofHours(1)), HoldTime.parse("1h"));
        assertEquals(new HoldTime.Fixed(Duration.ZERO), HoldTime.parse("0s"));
    }

    @Test
    void readsDistributions() {
        assertEquals(new HoldTime.Exponential(Duration.ofSeconds(30)), HoldTime.parse("exp:30s"));
        assertEquals(new HoldTime.Uniform(Duration.ofSeconds(10), Duration.ofMinutes(1)),
                HoldTime.parse("uniform:10s-1m"));
    }

    @Test
    void writesItselfBackAsItIsWritten() {
        for (String text : new String[] {"30s", "1500ms", "exp:2m", "uniform:10s-90s", "1h"}) {
            assertEquals(text, HoldTime.parse(text).toString());
        }
    }

    @Test
    void refusesWhatIsNoHoldTimeSayingHowToWriteOne() {
        for (String text : new String[] {"30", "30 s", "-5s", "1.5s", "30x", "", "poisson:30s", "exp:0s", "exp:",
                "uniform:10s", "uniform:60s-10s", "uniform:10s-20s-30s"}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> HoldTime.parse(text),
                    text);
            assertTrue(error.getMessage().startsWith("Invalid hold time '" + text + "': "), error.getMessage());
            assertTrue(error.getMessage().endsWith("uniform:MIN-MAX (uniform:10s-60s)."), error.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HoldTime.parse("uniform:60s-10s")).getMessage()
                .contains("upper bound of uniform: is below its lower bound"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HoldTime.parse("poisson:30s")).getMessage()
                .contains("the only distributions are exp: and uniform:"));
    }

    @Test
    void anExponentialHoldAveragesItsMeanAndVaries() {
        HoldTime hold = HoldTime.parse("exp:30s");
        SplittableRandom random = new SplittableRandom(42);
        int samples = 100_000;
        long total = 0;
        long belowMean = 0;
        for (int i = 0; i < samples; i++) {
            long millis = hold.sample(random).toMillis();
            assertTrue(millis >= 0);
            total += millis;
            belowMean += millis < 30_000 ? 1 : 0;
        }
        double mean = total / (double) samples;
        assertEquals(30_000, mean, 30_000 * 0.02);
        // an exponential distribution has 1 - 1/e (63 %) of its mass below its mean
        assertEquals(1 - Math.exp(-1), belowMean / (double) samples, 0.01);
    }

    @Test
    void aUniformHoldStaysWithinItsBoundsAndReachesBoth() {
        HoldTime hold = HoldTime.parse("uniform:10ms-12ms");
        SplittableRandom random = new SplittableRandom(7);
        boolean[] seen = new boolean[3];
        for (int i = 0; i < 1000; i++) {
            long millis = hold.sample(random).toMillis();
            assertTrue(millis >= 10 && millis <= 12, "sample " + millis);
            seen[(int) millis - 10] = true;
        }
        assertTrue(seen[0] && seen[1] && seen[2]);
    }

    @Test
    void aFixedHoldIsAlwaysTheSame() {
        HoldTime hold = HoldTime.parse("45s");
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 10; i++) {
            assertEquals(Duration.ofSeconds(45), hold.sample(random));
        }
    }
}
