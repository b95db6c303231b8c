package dev.confab.management.bursting.scheduler;

import dev.confab.management.testing.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Many requests, few runs: with a clock and a delayer the test controls. */
class RunCoalescerTest {

    private static final Duration SPACING = Duration.ofMillis(200);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final List<Runnable> tasks = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private int runs;
    private final RunCoalescer coalescer = new RunCoalescer(clock, SPACING, (task, delay) -> {
        tasks.add(task);
        delays.add(delay);
    }, () -> runs++);

    private void fireNext() {
        tasks.remove(0).run();
    }

    @Test
    void manyRequestsBeforeTheRunShareIt() {
        for (int i = 0; i < 50; i++) {
            coalescer.request();
        }
        assertEquals(1, tasks.size());
        assertEquals(Duration.ZERO, delays.get(0), "the first run is at once");
        fireNext();
        assertEquals(1, runs);
    }

    @Test
    void aRequestSoonAfterARunWaitsForTheSpacing() {
        coalescer.request();
        fireNext();
        clock.advance(Duration.ofMillis(50));
        coalescer.request();
        coalescer.request();
        assertEquals(List.of(Duration.ZERO, Duration.ofMillis(150)), delays);
        clock.advance(Duration.ofMillis(150));
        fireNext();
        assertEquals(2, runs);
    }

    @Test
    void aTickCountsAsARunForTheSpacing() {
        coalescer.started();
        coalescer.request();
        assertEquals(List.of(SPACING), delays);
    }

    @Test
    void aRequestLongAfterTheLastRunRunsAtOnce() {
        coalescer.request();
        fireNext();
        clock.advance(Duration.ofSeconds(5));
        coalescer.request();
        assertEquals(Duration.ZERO, delays.get(1));
    }
}
