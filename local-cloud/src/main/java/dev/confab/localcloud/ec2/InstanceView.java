package dev.confab.localcloud.ec2;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One instance as DescribeInstances shows it at a moment: id, private and public address, type,
 * tags, state, when it was last launched and why it is in its state (for a stopped one). Immutable.
 */
public record InstanceView(String instanceId, String privateIp, Optional<String> publicIp, String instanceType,
                           Map<String, String> tags, InstanceState state, Instant launchTime,
                           Optional<String> stateReason, String availabilityZone) {

    public InstanceView {
        tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
    }
}
