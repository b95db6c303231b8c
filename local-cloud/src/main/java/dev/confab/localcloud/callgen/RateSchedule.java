package dev.confab.localcloud.callgen;

import java.time.Duration;
import java.util.Optional;

/**
 * When each generated call starts: call {@code i} (from 0) at {@code i / rate} seconds after the
 * start, for as long as the run lasts ({@code i / rate < duration}), or without end when the run has
 * no duration. Calls are numbered from the start, so a scheduler that wakes late starts every call it
 * missed at once and the average rate holds. Immutable.
 */
final class RateSchedule {

    /** The highest rate callgen accepts, in calls per second. */
    static final double MAX_RATE = 100_000;
    private static final double NANOS_PER_SECOND = 1e9;

    private final double rate;
    private final Duration duration;

    /** Calls at {@code rate} per second for {@code duration}, or until stopped when it is {@code null}. */
    RateSchedule(double rate, Duration duration) {
        if (!(rate > 0 && rate <= MAX_RATE)) {
            throw new IllegalArgumentException("The rate must be more than 0 and at most " + (long) MAX_RATE
                    + " calls per second; it is " + rate + ".");
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("The duration must be more than 0.");
        }
        this.rate = rate;
        this.duration = duration;
    }

    /** How many calls the run starts in all; empty for a run without end. */
    Optional<Long> total() {
        if (duration == null) {
            return Optional.empty();
        }
        long count = (long) Math.ceil(duration.toNanos() * rate / NANOS_PER_SECOND);
        // the float product may land one above or below: call i belongs to the run when it starts before its end
        while (count > 0 && startOf(count - 1).compareTo(duration) >= 0) {
            count--;
        }
        while (startOf(count).compareTo(duration) < 0) {
            count++;
        }
        return Optional.of(count);
    }

    /** When call {@code index} starts, after the start of the run. */
    Duration startOf(long index) {
        return Duration.ofNanos(Math.round(index * NANOS_PER_SECOND / rate));
    }

    /** How many calls have started by {@code elapsed} after the start (call 0 starts at once). */
    long dueBy(Duration elapsed) {
        if (elapsed.isNegative()) {
            return 0;
        }
        long count = (long) Math.floor(elapsed.toNanos() * rate / NANOS_PER_SECOND) + 1;
        while (count > 0 && startOf(count - 1).compareTo(elapsed) > 0) {
            count--;
        }
        while (startOf(count).compareTo(elapsed) <= 0) {
            count++;
        }
        long started = count;
        return total().map(total -> Math.min(total, started)).orElse(started);
    }

    /** Whether every call of the run has started by {@code elapsed}; never for a run without end. */
    boolean finishedBy(Duration elapsed) {
        return total().map(total -> dueBy(elapsed) >= total).orElse(false);
    }
}
