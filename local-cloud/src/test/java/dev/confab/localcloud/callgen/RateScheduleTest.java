package dev.confab.localcloud.callgen;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateScheduleTest {

    @Test
    void startsTheFirstCallAtOnceAndTheNextAtOneOverTheRate() {
        RateSchedule schedule = new RateSchedule(4, Duration.ofSeconds(10));

        assertEquals(Duration.ZERO, schedule.startOf(0));
        assertEquals(Duration.ofMillis(250), schedule.startOf(1));
        assertEquals(Duration.ofMillis(2500), schedule.startOf(10));
        assertEquals(1, schedule.dueBy(Duration.ZERO));
        assertEquals(1, schedule.dueBy(Duration.ofMillis(249)));
        assertEquals(2, schedule.dueBy(Duration.ofMillis(250)));
        assertEquals(11, schedule.dueBy(Duration.ofMillis(2500)));
    }

    @Test
    void aRunStartsRateTimesDurationCallsAllBeforeItsEnd() {
        assertEquals(Optional.of(40L), new RateSchedule(4, Duration.ofSeconds(10)).total());
        assertEquals(Optional.of(3000L), new RateSchedule(1000, Duration.ofSeconds(3)).total());
        // 0.3 calls/s for 5 s: at 0 s and 3.33 s
        assertEquals(Optional.of(2L), new RateSchedule(0.3, Duration.ofSeconds(5)).total());
        // 1/3 calls/s for 6 s: at 0 s and 3 s; the third, at 6 s, is at the end and not in the run
        assertEquals(Optional.of(2L), new RateSchedule(1 / 3.0, Duration.ofSeconds(6)).total());
        assertEquals(Optional.of(1L), new RateSchedule(0.1, Duration.ofSeconds(1)).total());
    }

    @Test
    void neverStartsMoreThanTheRunHoldsAndThenIsFinished() {
        RateSchedule schedule = new RateSchedule(4, Duration.ofSeconds(10));

        assertEquals(40, schedule.dueBy(Duration.ofMillis(9750)));
        assertEquals(40, schedule.dueBy(Duration.ofSeconds(60)));
        assertFalse(schedule.finishedBy(Duration.ofMillis(9749)));
        assertTrue(schedule.finishedBy(Duration.ofMillis(9750)));
    }

    @Test
    void aSchedulerThatWakesLateStartsEveryCallItMissed() {
        RateSchedule schedule = new RateSchedule(1000, null);

        assertEquals(1, schedule.dueBy(Duration.ZERO));
        // asleep for 50 ms: 50 more calls are due at once, so the rate holds on average
        assertEquals(51, schedule.dueBy(Duration.ofMillis(50)));
        assertEquals(3_600_001, schedule.dueBy(Duration.ofHours(1)));
        assertEquals(Optional.empty(), schedule.total());
        assertFalse(schedule.finishedBy(Duration.ofDays(1)));
    }

    @Test
    void dueCountsAgreeWithStartTimesAtAnAwkwardRate() {
        RateSchedule schedule = new RateSchedule(7.3, Duration.ofMinutes(1));
        for (long i = 0; i < 438; i++) {
            Duration start = schedule.startOf(i);
            assertEquals(i + 1, schedule.dueBy(start), "at the start of call " + i);
            assertEquals(i, schedule.dueBy(start.minusNanos(1)), "just before call " + i);
        }
        assertEquals(Optional.of(438L), schedule.total());
    }

    @Test
    void refusesARateOrDurationThatMakesNoRun() {
        assertEquals("The rate must be more than 0 and at most 100000 calls per second; it is 0.0.",
                assertThrows(IllegalArgumentException.class, () -> new RateSchedule(0, null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RateSchedule(-1, null));
        assertThrows(IllegalArgumentException.class, () -> new RateSchedule(Double.NaN, null));
        assertThrows(IllegalArgumentException.class, () -> new RateSchedule(100_001, null));
        assertEquals("The duration must be more than 0.",
                assertThrows(IllegalArgumentException.class, () -> new RateSchedule(1, Duration.ZERO)).getMessage());
    }
}
