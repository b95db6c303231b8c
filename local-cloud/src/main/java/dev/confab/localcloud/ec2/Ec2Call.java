package dev.confab.localcloud.ec2;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One request as it arrived and how it was answered: what went over the wire, for tests to check.
 * {@code accessKeyId} is empty when the signature was refused before a key was known. Immutable.
 */
public record Ec2Call(Instant time, String action, Optional<String> accessKeyId, Map<String, String> parameters,
                      int status, Optional<String> errorCode) {

    public Ec2Call {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    /** Whether it was answered with success. */
    public boolean succeeded() {
        return errorCode.isEmpty();
    }
}
