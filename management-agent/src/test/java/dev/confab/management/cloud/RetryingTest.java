package dev.confab.management.cloud;

import dev.confab.management.testing.SettableClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What is tried again, how often and after which waits; the waits advance a clock instead of sleeping. */
class RetryingTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final List<Duration> waits = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    private Retrying retrying(RetryPolicy policy, double jitter) {
        return new Retrying(policy, wait -> {
            waits.add(wait);
            clock.advance(wait);
        }, () -> jitter, clock);
    }

    private static AwsServiceException ec2(String code, int status) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
    }

    /** A call that fails with {@code failure} the first {@code failures} times, then answers "done". */
    private java.util.function.Supplier<String> failing(int failures, RuntimeException failure) {
        return () -> {
            if (calls.incrementAndGet() <= failures) {
                throw failure;
            }
            return "done";
        };
    }

    @Test
    void retriesThrottlingUntilItPasses() {
        assertEquals("done", retrying(RetryPolicy.DEFAULT, 0.5).call(Ec2Action.START_INSTANCES,
                failing(2, ec2("RequestLimitExceeded", 503))));
        assertEquals(3, calls.get());
        assertEquals(List.of(Duration.ofMillis(125), Duration.ofMillis(250)), waits);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        Retrying.Failed failed = assertThrows(Retrying.Failed.class, () -> retrying(RetryPolicy.DEFAULT, 1.0)
                .call(Ec2Action.DESCRIBE_INSTANCES, failing(10, ec2("InternalError", 500))));
        assertEquals(4, calls.get());
        assertEquals(4, failed.attempts());
        assertEquals("InternalError", failed.error().code());
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000)), waits);
    }

    @Test
    void waitsDoubleUpToTheirCeiling() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMinutes(1));
        assertThrows(Retrying.Failed.class, () -> retrying(policy, 1.0).call(Ec2Action.DESCRIBE_INSTANCES,
                failing(10, ec2("Unavailable", 503))));
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300),
                Duration.ofMillis(300), Duration.ofMillis(300)), waits);
    }

    @Test
    void neverWaitsPastTheTotalTime() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(2500));
        Retrying.Failed failed = assertThrows(Retrying.Failed.class, () -> retrying(policy, 1.0)
                .call(Ec2Action.DESCRIBE_INSTANCES, failing(10, ec2("RequestLimitExceeded", 503))));
        assertEquals(3, failed.attempts());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), waits);
    }

    @Test
    void neitherARefusedPermissionNorMissingCapacityIsTriedAgain() {
        assertThrows(Retrying.Failed.class, () -> retrying(RetryPolicy.DEFAULT, 0.5).call(Ec2Action.START_INSTANCES,
                failing(10, ec2("UnauthorizedOperation", 403))));
        Retrying.Failed capacity = assertThrows(Retrying.Failed.class, () -> retrying(RetryPolicy.DEFAULT, 0.5)
                .call(Ec2Action.START_INSTANCES, failing(10, ec2("InsufficientInstanceCapacity", 500))));
        assertEquals(Ec2Errors.Kind.NO_CAPACITY, capacity.error().kind());
        assertEquals(2, calls.get());
        assertEquals(List.of(), waits);
    }
}
