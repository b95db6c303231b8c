package dev.confab.management.cloud;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Runs one EC2 call under a {@link RetryPolicy}: a throttled call, a server error or an unreached
 * endpoint is tried again after a jittered, doubling wait while attempts and time remain; any other
 * failure ends it at once. Stateless apart from its collaborators; thread-safe.
 */
final class Retrying {

    /** Waits between attempts. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** A call that failed for good: its classification and how many calls were made. */
    static final class Failed extends RuntimeException {
        private final transient Ec2Errors.Classified error;
        private final int attempts;

        Failed(Ec2Errors.Classified error, int attempts, RuntimeException last) {
            super(error.code(), last, false, false);
            this.error = error;
            this.attempts = attempts;
        }

        Ec2Errors.Classified error() {
            return error;
        }

        int attempts() {
            return attempts;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Retrying.class);

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Clock clock;

    /** {@code random}: uniform in [0, 1), the jitter. */
    Retrying(RetryPolicy policy, Sleeper sleeper, DoubleSupplier random, Clock clock) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
        this.clock = clock;
    }

    /**
     * The call's answer.
     *
     * @throws Failed when it failed for good
     */
    <T> T call(Ec2Action action, Supplier<T> call) {
        Instant deadline = clock.instant().plus(policy.maxTotal());
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                Ec2Errors.Classified error = Ec2Errors.classify(e);
                if (!error.kind().retryable() || attempt >= policy.maxAttempts()) {
                    throw new Failed(error, attempt, e);
                }
                Duration wait = Duration.ofMillis((long) (random.getAsDouble() * policy.ceiling(attempt).toMillis()));
                if (clock.instant().plus(wait).isAfter(deadline)) {
                    throw new Failed(error, attempt, e);
                }
                LOG.info("EC2 {} failed ({}: {}); trying again in {} ms (attempt {} of {})", action.action(),
                        error.code(), error.detail(), wait.toMillis(), attempt + 1, policy.maxAttempts());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new Failed(error, attempt, e);
                }
            }
        }
    }
}
