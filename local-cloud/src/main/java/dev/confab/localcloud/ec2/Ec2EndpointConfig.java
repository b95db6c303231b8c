package dev.confab.localcloud.ec2;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of an {@link Ec2Endpoint}. Immutable; start from {@link #defaults()}.
 *
 * @param bindAddress where it listens (plain HTTP: keep it on loopback)
 * @param port        its port; 0 for one the system chooses
 * @param region      the one region it serves: signatures must be scoped to it
 * @param keys        the access keys it accepts
 * @param bootDelay   how long an instance stays pending at least
 * @param stopDelay   how long an instance stays stopping at least
 * @param clock       the time signatures are checked against and transitions are timed by
 */
public record Ec2EndpointConfig(String bindAddress, int port, String region, List<AccessKey> keys,
                                Duration bootDelay, Duration stopDelay, Clock clock) {

    public Ec2EndpointConfig {
        keys = List.copyOf(keys);
        if (bootDelay.isNegative() || stopDelay.isNegative()) {
            throw new IllegalArgumentException("Boot and stop delays are zero or more.");
        }
    }

    /** Loopback, a free port, us-east-1, no keys yet, 5 s to boot and 2 s to stop, the system clock. */
    public static Ec2EndpointConfig defaults() {
        return new Ec2EndpointConfig("127.0.0.1", 0, "us-east-1", List.of(), Duration.ofSeconds(5),
                Duration.ofSeconds(2), Clock.systemUTC());
    }

    public Ec2EndpointConfig withBind(String address, int newPort) {
        return new Ec2EndpointConfig(address, newPort, region, keys, bootDelay, stopDelay, clock);
    }

    public Ec2EndpointConfig withRegion(String newRegion) {
        return new Ec2EndpointConfig(bindAddress, port, newRegion, keys, bootDelay, stopDelay, clock);
    }

    /** These settings with one more accepted key. */
    public Ec2EndpointConfig withKey(AccessKey key) {
        List<AccessKey> more = new ArrayList<>(keys);
        more.add(key);
        return new Ec2EndpointConfig(bindAddress, port, region, more, bootDelay, stopDelay, clock);
    }

    public Ec2EndpointConfig withDelays(Duration boot, Duration stop) {
        return new Ec2EndpointConfig(bindAddress, port, region, keys, boot, stop, clock);
    }

    public Ec2EndpointConfig withClock(Clock newClock) {
        return new Ec2EndpointConfig(bindAddress, port, region, keys, bootDelay, stopDelay, newClock);
    }
}
