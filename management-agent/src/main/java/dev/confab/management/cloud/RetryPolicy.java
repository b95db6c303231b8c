package dev.confab.management.cloud;

import java.time.Duration;

/**
 * How calls that EC2 throttled, answered with a server error, or that did not reach it are tried
 * again: at most {@code maxAttempts} calls, waiting a random time up to {@code baseDelay} doubled at
 * each retry (at most {@code maxDelay}: "full jitter"), never past {@code maxTotal} from the first
 * call. Immutable.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxTotal) {

    /** 4 calls, waits from up to 250 ms doubling to at most 4 s, within 20 s in all. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(4),
            Duration.ofSeconds(20));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("At least one attempt, not " + maxAttempts + ".");
        }
    }

    /** The longest wait before retry number {@code retry} (1 for the first retry). */
    Duration ceiling(int retry) {
        long millis = baseDelay.toMillis() << Math.min(retry - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }
}
