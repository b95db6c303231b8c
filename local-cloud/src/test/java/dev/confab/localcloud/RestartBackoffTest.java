package dev.confab.localcloud;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The demo supervisor's wait before it starts a crashed child again. */
class RestartBackoffTest {

    static final Duration QUICK_CRASH = Duration.ofMillis(200);

    @Test
    void waitsOneSecondThenDoublesUpToThirtySeconds() {
        List<Long> waits = new ArrayList<>();
        Duration wait = null;
        for (int crash = 0; crash < 8; crash++) {
            wait = RestartBackoff.DEMO.next(wait, QUICK_CRASH);
            waits.add(wait.toSeconds());
        }

        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), waits);
    }

    @Test
    void waitsOneSecondAgainAfterAChildRanForAMinute() {
        Duration wait = RestartBackoff.DEMO.next(RestartBackoff.DEMO.next(null, QUICK_CRASH), QUICK_CRASH);

        assertEquals(Duration.ofSeconds(2), wait);
        assertEquals(Duration.ofSeconds(1), RestartBackoff.DEMO.next(wait, Duration.ofMinutes(1)));
        assertEquals(Duration.ofSeconds(4), RestartBackoff.DEMO.next(wait, Duration.ofSeconds(59)));
    }
}
