package dev.confab.management.bursting;

import java.time.Duration;
import java.util.Objects;

/**
 * The calls that arrived recently at a location's nodes (the location that received them, wherever
 * their media went), and those of them that ended, in HD calls: an SD call counts ½, an audio call
 * 1/16. Immutable.
 *
 * @param hdCalls      HD calls that arrived within {@code window} before the decision
 * @param endedHdCalls HD calls of the location that ended within the same window
 */
public record Arrivals(long locationId, double hdCalls, double endedHdCalls, Duration window) {

    public Arrivals {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("The arrival window of location " + locationId + " must be longer"
                    + " than zero");
        }
        if (!(hdCalls >= 0) || !(endedHdCalls >= 0)) {
            throw new IllegalArgumentException("The arrivals of location " + locationId + " are negative");
        }
    }

    /** HD calls arriving per minute. */
    public double perMinute() {
        return hdCalls * 60_000 / window.toMillis();
    }

    /** HD calls ending per minute. */
    public double endedPerMinute() {
        return endedHdCalls * 60_000 / window.toMillis();
    }
}
