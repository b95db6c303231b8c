package dev.confab.management.bursting.simulation;

import dev.confab.management.bursting.BurstingSettings;
import dev.confab.shared.capacity.CallType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The simulation's samples over time, on a small trace whose timeline is worked out by hand. */
class TimelineTest {

    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    private static final BootTimes FIXED_BOOT = new BootTimes(Duration.ofSeconds(60), Duration.ofSeconds(60),
            Duration.ofSeconds(120), Duration.ofSeconds(120), Duration.ofSeconds(30));
    private static final SimulatedPlatform PLATFORM = new SimulatedPlatform(List.of(
            new SimulatedPlatform.Place("A", "O", null), new SimulatedPlatform.Place("O", null, null)),
            List.of(new SimulatedPlatform.Machine("a-1", "A", false, 2), new SimulatedPlatform.Machine("o-1", "O", true, 2)),
            FIXED_BOOT, new Billing(Billing.Mode.PER_SECOND, 3.6));
    private static final SimulatedPolicy THRESHOLD_ONE = new SimulatedPolicy("threshold 1", BurstingSettings.defaults()
            .withEnabled(true).withThreshold(1).withMinLifetime(Duration.ofMinutes(5)), List.of());

    private static TraceCall hd(int atSecond, int seconds) {
        return new TraceCall(T0.plusSeconds(atSecond), "A", CallType.HD, Duration.ofSeconds(seconds));
    }

    /** As SimulatorTest's threshold case: o-1 started at 0 s, reports at 180 s, stopped at 610 s; call 3 rejected. */
    private static Trace trace() {
        return new Trace(T0, T0.plusSeconds(1000), List.of(hd(0, 600), hd(10, 600), hd(100, 60), hd(200, 60)));
    }

    @Test
    void samplesEachMinuteTheMostInUseAndCapacityAndCountsStartsAndRejectedCalls() {
        // 1000 s in minutes: 17 samples. In use: calls 1 and 2 (2 HD) from 0 s to 600 and 610 s; call 3 rejected at
        // 100 s (minute 1); call 4 on o-1 from 200 to 260 s: 3 HD in minutes 3 and 4. Capacity: a-1's 2 HD, and
        // o-1's 2 more from its first report (180 s, minute 3) to its stop (610 s, minute 10). One start, minute 0.
        ComparisonOverTime over = Simulator.withSeed(1).compareOverTime(PLATFORM, trace(), List.of(THRESHOLD_ONE),
                new Progress(1, T0, T0.plusSeconds(1000)));

        Timeline timeline = over.timelines().get(0);
        assertEquals(Duration.ofMinutes(1), over.interval());
        assertEquals(List.of(2.0, 2.0, 2.0, 3.0, 3.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
                timeline.hdCallsInUse());
        assertEquals(List.of(2.0, 2.0, 2.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0),
                timeline.hdCallsCapacity());
        assertEquals(List.of(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), timeline.starts());
        assertEquals(List.of(0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), timeline.rejectedCalls());
        assertEquals("threshold 1", timeline.policy());
        assertEquals(1L, over.comparison().results().get(0).rejectedCalls());
    }

    @Test
    void offeredLoadCountsRejectedCallsAndACallEndingFreesItsRoomFirst() {
        // call 3 (100-160 s) is offered though rejected: 3 HD in minutes 1 and 2; call 4 (200-260 s): 3 in 3 and 4
        ComparisonOverTime over = Simulator.withSeed(1).compareOverTime(PLATFORM, trace(), List.of(THRESHOLD_ONE),
                new Progress(1, T0, T0.plusSeconds(1000)));

        assertEquals(List.of(2.0, 3.0, 3.0, 3.0, 3.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
                over.hdOffered());
        assertEquals(T0.plusSeconds(120), over.times().get(2));
        // a call ending at 60 s and another arriving then never overlap: 1 HD, not 2
        Trace handOver = new Trace(T0, T0.plusSeconds(120), List.of(hd(0, 60), hd(60, 30)));
        assertEquals(List.of(1.0, 1.0), TimelineRecorder.offered(handOver, Duration.ofMinutes(1)));
    }

    @Test
    void keepsAWeekToAtMostADaysWorthOfMinuteSamples() {
        assertEquals(Duration.ofMinutes(1), Timeline.intervalFor(T0, T0.plusSeconds(1000)));
        assertEquals(Duration.ofMinutes(1), Timeline.intervalFor(T0, T0.plus(Duration.ofDays(1))));
        assertEquals(Duration.ofMinutes(2), Timeline.intervalFor(T0, T0.plus(Duration.ofMinutes(1441))));
        assertEquals(Duration.ofMinutes(7), Timeline.intervalFor(T0, T0.plus(Duration.ofDays(7))));
        assertEquals(1440, Timeline.samples(T0, T0.plus(Duration.ofDays(7)), Duration.ofMinutes(7)));
        assertEquals(17, Timeline.samples(T0, T0.plusSeconds(1000), Duration.ofMinutes(1)));
    }

    @Test
    void reportsHowFarTheReplaysCameAndStopsThemWhenCancelled() {
        Progress progress = new Progress(2, T0, T0.plusSeconds(1000));
        assertEquals(0.0, progress.fraction());
        progress.reached(0, T0.plusSeconds(500).toEpochMilli());
        progress.reached(1, T0.plusSeconds(1000).toEpochMilli());
        assertEquals(0.75, progress.fraction(), 1e-9);

        Progress cancelled = new Progress(1, T0, T0.plusSeconds(1000));
        cancelled.cancel();
        assertThrows(CancellationException.class, () -> Simulator.withSeed(1).compareOverTime(PLATFORM, trace(),
                List.of(THRESHOLD_ONE), cancelled));
    }
}
