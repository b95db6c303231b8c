package dev.confab.management.cloud;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An EC2 instance tagged for this platform, as DescribeInstances showed it. Immutable.
 *
 * @param name       its {@code Name} tag, or empty
 * @param privateIp  its primary private IPv4 address (absent once terminated)
 * @param publicIp   its public IPv4 address while it has one
 * @param launchTime when it was last started
 */
public record CloudInstance(String instanceId, Optional<String> name, CloudInstanceState state,
                            Optional<String> privateIp, Optional<String> publicIp, String instanceType,
                            Optional<Instant> launchTime, Map<String, String> tags) {

    public CloudInstance {
        tags = Map.copyOf(tags);
    }
}
