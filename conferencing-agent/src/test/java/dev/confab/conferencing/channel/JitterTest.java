package dev.confab.conferencing.channel;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JitterTest {

    @Test
    void staysWithinTenPercentOfTheIntervalAndSpreadsOverIt() {
        SplittableRandom random = new SplittableRandom(42);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 10_000; i++) {
            long millis = Jitter.around(Duration.ofSeconds(10), random).toMillis();
            min = Math.min(min, millis);
            max = Math.max(max, millis);
        }
        assertTrue(min >= 9_000 && max <= 11_000, min + ".." + max);
        assertTrue(min < 9_100 && max > 10_900, "spread over the whole range: " + min + ".." + max);
    }

    @Test
    void neverWaitsLessThanAMillisecond() {
        assertEquals(Duration.ofMillis(1), Jitter.around(Duration.ZERO, new SplittableRandom(1)));
        assertEquals(Duration.ofMillis(5), Jitter.around(Duration.ofMillis(5), new SplittableRandom(1)));
    }
}
