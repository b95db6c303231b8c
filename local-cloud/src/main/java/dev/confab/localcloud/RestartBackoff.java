package dev.confab.localcloud;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a supervisor waits before it starts a crashed child again: {@code first} after the first
 * crash, doubling with each crash that follows soon after to at most {@code max}, and {@code first}
 * again once the child had run for {@code healthyRun} before it crashed. It never gives up: a child
 * that keeps crashing is started again every {@code max}, each time reported. Immutable.
 *
 * @param first      the wait after a first crash
 * @param max        the longest wait
 * @param healthyRun a run at least this long counts as healthy: the next crash waits {@code first} again
 */
record RestartBackoff(Duration first, Duration max, Duration healthyRun) {

    /** The demo's: 1 s, doubling to 30 s, back to 1 s after a minute of running. */
    static final RestartBackoff DEMO = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(1));

    RestartBackoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(healthyRun, "healthyRun");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= max, got " + first + " and " + max);
        }
    }

    /**
     * The wait before the next start, given the {@code previous} wait (null when there was none since
     * the last healthy run) and how long the child {@code ran} before it crashed.
     */
    Duration next(Duration previous, Duration ran) {
        if (previous == null || ran.compareTo(healthyRun) >= 0) {
            return first;
        }
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
