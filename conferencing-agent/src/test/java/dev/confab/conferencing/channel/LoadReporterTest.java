package dev.confab.conferencing.channel;

import dev.confab.conferencing.testing.ManualScheduler;
import dev.confab.conferencing.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LoadReporterTest {

    private final TestClock clock = TestClock.fixed();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicBoolean reporting = new AtomicBoolean(true);
    private final LoadReporter reporter = new LoadReporter(() -> {
        sent.incrementAndGet();
        if (failing.get()) {
            throw new IOException("connection reset");
        }
    }, scheduler, reporting::get, clock);

    @Test
    void aChangeIsReportedAtOnce() {
        reporter.changed();
        scheduler.runDue();
        assertEquals(1, sent.get());
    }

    @Test
    void changesWithinAQuarterOfASecondOfAReportGoInOneReportAtItsEnd() {
        reporter.changed();
        scheduler.runDue();
        reporter.changed();
        reporter.changed();
        scheduler.advance(Duration.ofMillis(249));
        reporter.changed();
        assertEquals(1, sent.get());
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(2, sent.get());
        scheduler.advance(Duration.ofSeconds(5));
        assertEquals(2, sent.get());
    }

    @Test
    void aFailedReportIsSentAgainAfterASecond() {
        failing.set(true);
        reporter.changed();
        scheduler.runDue();
        scheduler.advance(Duration.ofMillis(999));
        assertEquals(1, sent.get());
        failing.set(false);
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(2, sent.get());
        scheduler.advance(Duration.ofSeconds(5));
        assertEquals(2, sent.get());
    }

    @Test
    void nothingIsSentWhileTheChannelDoesNotReport() {
        reporting.set(false);
        reporter.changed();
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(0, sent.get());
    }
}
