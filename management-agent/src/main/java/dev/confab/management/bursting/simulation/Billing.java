package dev.confab.management.bursting.simulation;

import java.time.Duration;

/**
 * How EC2 bills an overflow node's running time, from EC2's running state to the stop request, for
 * every start: per second after a minimum of one minute (Linux on-demand instances), or per started
 * hour. Immutable.
 *
 * @param pricePerHour the on-demand price of one node an hour, in dollars
 */
public record Billing(Mode mode, double pricePerHour) {

    /** Per second with a 1-minute minimum, or per started hour. */
    public enum Mode { PER_SECOND, PER_HOUR }

    public Billing {
        if (mode == null) {
            throw new IllegalArgumentException("Give a billing mode: per second or per hour");
        }
        if (!(pricePerHour >= 0)) {
            throw new IllegalArgumentException("The price per hour is " + pricePerHour + "; it must not be negative");
        }
    }

    /** What EC2 bills at least for one start. */
    public Duration minimumPerStart() {
        return mode == Mode.PER_SECOND ? Duration.ofMinutes(1) : Duration.ofHours(1);
    }

    /** The time billed for one start that ran {@code running}: nothing for a start that never ran. */
    Duration billed(Duration running) {
        if (running.isZero() || running.isNegative()) {
            return Duration.ZERO;
        }
        if (mode == Mode.PER_SECOND) {
            long seconds = (running.toMillis() + 999) / 1000;
            return Duration.ofSeconds(Math.max(60, seconds));
        }
        return Duration.ofHours((running.toMillis() + 3_599_999) / 3_600_000);
    }
}
