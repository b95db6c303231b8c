package dev.confab.conferencing.testing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManualSchedulerTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final TestClock clock = TestClock.at(START);
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final List<Long> runsAt = new ArrayList<>();

    private void record() {
        runsAt.add(Duration.between(START, clock.instant()).toMillis());
    }

    @Test
    void runsAFixedRateTaskOnePeriodAfterEachDueTime() {
        scheduler.scheduleAtFixedRate(this::record, 100, 1000, TimeUnit.MILLISECONDS);

        assertEquals(3, scheduler.advance(Duration.ofMillis(2500)));

        assertEquals(List.of(100L, 1100L, 2100L), runsAt);
    }

    @Test
    void runsAFixedDelayTaskOneDelayAfterEachRunEnds() {
        scheduler.scheduleWithFixedDelay(() -> {
            record();
            clock.set(clock.instant().plusMillis(50));
        }, 0, 1000, TimeUnit.MILLISECONDS);

        scheduler.advance(Duration.ofMillis(2200));

        assertEquals(List.of(0L, 1050L, 2100L), runsAt);
    }

    @Test
    void stopsAPeriodicTaskOnceItIsCancelled() {
        ScheduledFuture<?> task = scheduler.scheduleAtFixedRate(this::record, 0, 1000, TimeUnit.MILLISECONDS);
        scheduler.advance(Duration.ofMillis(1500));

        assertTrue(task.cancel(false));
        scheduler.advance(Duration.ofHours(1));

        assertEquals(List.of(0L, 1000L), runsAt);
        assertEquals(List.of(), scheduler.pending());
    }

    @Test
    void refusesAPeriodThatIsNotPositive() {
        assertThrows(IllegalArgumentException.class,
                () -> scheduler.scheduleWithFixedDelay(this::record, 0, 0, TimeUnit.SECONDS));
    }
}
