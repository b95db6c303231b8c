package dev.confab.management.bursting.scheduler;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the Management Node runs the bursting policy. Immutable.
 *
 * @param tick        a run at least this often, describing the EC2 instances anew (10 s)
 * @param spacing     runs on load changes start at least this far apart; the changes meanwhile share
 *                    one run (200 ms)
 * @param minLifetime replaces the minimum lifetime of the global settings (whose least is 5 minutes),
 *                    for demonstrations and tests: {@code confab management-agent --bursting-min-lifetime-seconds}
 */
public record BurstingConfig(Duration tick, Duration spacing, Optional<Duration> minLifetime) {

    private static final BurstingConfig DEFAULTS = new BurstingConfig(Duration.ofSeconds(10), Duration.ofMillis(200),
            Optional.empty());

    public BurstingConfig {
        requirePositive("tick", tick);
        requirePositive("spacing", spacing);
        Objects.requireNonNull(minLifetime, "minLifetime");
        minLifetime.ifPresent(value -> requirePositive("minLifetime", value));
    }

    public static BurstingConfig defaults() {
        return DEFAULTS;
    }

    public BurstingConfig withTick(Duration value) {
        return new BurstingConfig(value, spacing, minLifetime);
    }

    public BurstingConfig withMinLifetime(Duration value) {
        return new BurstingConfig(tick, spacing, Optional.of(value));
    }

    private static void requirePositive(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("Bursting " + field + " is " + value + "; it must be longer than zero");
        }
    }
}
