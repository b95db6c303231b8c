package dev.confab.management.bursting;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The circuit breaker on automatic starts: open from the moment {@code breakerErrors} EC2 errors
 * have happened within {@code breakerWindow}, until {@code breakerCoolDown} after the last of them.
 *
 * @param trip the error that opened it, if it is open
 */
record CircuitBreaker(Optional<Ec2Error> trip, Optional<Instant> openUntil) {

    static CircuitBreaker of(List<Ec2Error> errors, BurstingSettings settings, Instant now) {
        if (errors.size() < settings.breakerErrors()) {
            return closed();
        }
        List<Ec2Error> past = errors.stream().filter(error -> !error.at().isAfter(now))
                .sorted(Comparator.comparing(Ec2Error::at)).toList();
        int count = settings.breakerErrors();
        for (int last = past.size() - 1; last >= count - 1; last--) {
            Instant first = past.get(last - count + 1).at();
            Instant end = past.get(last).at();
            if (!first.plus(settings.breakerWindow()).isBefore(end)) {
                Instant until = end.plus(settings.breakerCoolDown());
                return now.isBefore(until) ? new CircuitBreaker(Optional.of(past.get(last)), Optional.of(until))
                        : closed();
            }
        }
        return closed();
    }

    private static CircuitBreaker closed() {
        return new CircuitBreaker(Optional.empty(), Optional.empty());
    }

    boolean open() {
        return openUntil.isPresent();
    }

    /** What the status says while it is open. */
    String note(BurstingSettings settings) {
        Ec2Error last = trip.orElseThrow();
        return "circuit breaker open: " + settings.breakerErrors() + " EC2 errors within "
                + Texts.duration(settings.breakerWindow()) + " (the last: " + last.code() + " on " + last.operation()
                + " at " + Texts.instant(last.at()) + "); automatic starts are paused until "
                + Texts.instant(openUntil.orElseThrow());
    }
}
