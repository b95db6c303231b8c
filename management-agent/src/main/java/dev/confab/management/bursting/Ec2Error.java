package dev.confab.management.bursting;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An EC2 call that failed, as the circuit breaker counts it. Immutable.
 *
 * @param operation  the EC2 action: {@code StartInstances}, {@code StopInstances}, {@code DescribeInstances}
 * @param instanceId the instance it was about, if any
 * @param code       EC2's error code ({@code InsufficientInstanceCapacity}, {@code UnauthorizedOperation} …)
 */
public record Ec2Error(Instant at, String operation, Optional<String> instanceId, String code) {

    public Ec2Error {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(code, "code");
    }
}
