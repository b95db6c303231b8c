package dev.confab.management.bursting.simulation;

import dev.confab.shared.capacity.CallType;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One call of a trace: when it arrived, at which location's nodes (the location that received it,
 * wherever its media went), its type and how long it lasted. Immutable.
 */
public record TraceCall(Instant arrival, String location, CallType type, Duration duration) {

    public TraceCall {
        Objects.requireNonNull(arrival, "arrival");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("A call of the trace lasts " + duration + "; it must last longer than"
                    + " zero");
        }
    }

    public Instant end() {
        return arrival.plus(duration);
    }
}
