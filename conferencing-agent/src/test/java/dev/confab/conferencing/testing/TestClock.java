package dev.confab.conferencing.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until the test moves it, so that what depends on time is tested in
 * milliseconds, not by sleeping. Clocks made with {@link #withZone} share its time. Thread-safe.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock in UTC that reads {@code start} until moved. */
    public static TestClock at(Instant start) {
        return new TestClock(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    /** A clock in UTC that reads 2026-01-01T00:00:00Z until moved. */
    public static TestClock fixed() {
        return at(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** Moves the time forward (or back, for a negative {@code duration}). */
    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    /** Sets the time. */
    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(now, other);
    }
}
