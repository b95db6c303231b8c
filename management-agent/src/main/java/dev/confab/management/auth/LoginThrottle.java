package dev.confab.management.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down repeated failed logins from one address: each failure within the window doubles the
 * delay before the next answer, up to a cap; a success or a quiet window resets it. Thread-safe.
 */
public final class LoginThrottle {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final long FIRST_DELAY_MS = 250;
    private static final long MAX_DELAY_MS = 4000;

    private record Failures(int count, Instant last) {
    }

    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> byAddress = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Records a failure and returns how long to wait before answering it. */
    public Duration fail(String address) {
        Instant now = clock.instant();
        Failures failures = byAddress.compute(address, (key, old) ->
                old == null || old.last().plus(WINDOW).isBefore(now) ? new Failures(1, now)
                        : new Failures(old.count() + 1, now));
        long delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS << Math.min(failures.count() - 1, 10));
        return Duration.ofMillis(delay);
    }

    public void succeed(String address) {
        byAddress.remove(address);
    }

    /** Failures recorded for an address within the window. */
    public int failures(String address) {
        Failures failures = byAddress.get(address);
        return failures == null || failures.last().plus(WINDOW).isBefore(clock.instant()) ? 0 : failures.count();
    }
}
