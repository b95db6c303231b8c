package dev.confab.management.bursting;

import java.time.Duration;
import java.util.Objects;

/**
 * What the bursting policy is told to do, with the guide's defaults and ours. Immutable; the
 * {@code with…} methods return a copy with one field changed.
 *
 * @param enabled          start overflow nodes automatically (idle ones are stopped either way)
 * @param threshold        start an overflow node when a location's free HD calls are at or below it (5)
 * @param minLifetime      an overflow node runs at least this long once started (50 minutes)
 * @param startDeadline    a started node that has not reported its load by then is given up on, and
 *                         another stopped node is started in its place (10 minutes)
 * @param staleAfter       a load report older than this is stale (30 s: three heartbeat intervals)
 * @param maxOverflowNodes guardrail: at most this many overflow nodes running or starting at once (10)
 * @param breakerErrors    circuit breaker: this many EC2 errors within {@code breakerWindow} … (3)
 * @param breakerWindow    … (5 minutes) …
 * @param breakerCoolDown  … pause automatic starts for this long after the last of them (10 minutes)
 * @param planAhead        the options that plan ahead (start latency, keep or stop), all off by default
 */
public record BurstingSettings(boolean enabled, int threshold, Duration minLifetime, Duration startDeadline,
                               Duration staleAfter, int maxOverflowNodes, int breakerErrors, Duration breakerWindow,
                               Duration breakerCoolDown, PlanAhead planAhead) {

    private static final BurstingSettings DEFAULTS = new BurstingSettings(false, 5, Duration.ofMinutes(50),
            Duration.ofMinutes(10), Duration.ofSeconds(30), 10, 3, Duration.ofMinutes(5), Duration.ofMinutes(10),
            PlanAhead.off());

    public BurstingSettings {
        requireAtLeast("threshold", threshold, 0);
        requireAtLeast("maxOverflowNodes", maxOverflowNodes, 0);
        requireAtLeast("breakerErrors", breakerErrors, 1);
        requirePositive("minLifetime", minLifetime);
        requirePositive("startDeadline", startDeadline);
        requirePositive("staleAfter", staleAfter);
        requirePositive("breakerWindow", breakerWindow);
        requirePositive("breakerCoolDown", breakerCoolDown);
        Objects.requireNonNull(planAhead, "planAhead");
    }

    /** The settings without the options that plan ahead: those stay off. */
    public BurstingSettings(boolean enabled, int threshold, Duration minLifetime, Duration startDeadline,
                            Duration staleAfter, int maxOverflowNodes, int breakerErrors, Duration breakerWindow,
                            Duration breakerCoolDown) {
        this(enabled, threshold, minLifetime, startDeadline, staleAfter, maxOverflowNodes, breakerErrors,
                breakerWindow, breakerCoolDown, PlanAhead.off());
    }

    /** Bursting off, and every other field at its default. */
    public static BurstingSettings defaults() {
        return DEFAULTS;
    }

    public BurstingSettings withEnabled(boolean value) {
        return new BurstingSettings(value, threshold, minLifetime, startDeadline, staleAfter, maxOverflowNodes,
                breakerErrors, breakerWindow, breakerCoolDown, planAhead);
    }

    public BurstingSettings withThreshold(int value) {
        return new BurstingSettings(enabled, value, minLifetime, startDeadline, staleAfter, maxOverflowNodes,
                breakerErrors, breakerWindow, breakerCoolDown, planAhead);
    }

    public BurstingSettings withMinLifetime(Duration value) {
        return new BurstingSettings(enabled, threshold, value, startDeadline, staleAfter, maxOverflowNodes,
                breakerErrors, breakerWindow, breakerCoolDown, planAhead);
    }

    public BurstingSettings withStartDeadline(Duration value) {
        return new BurstingSettings(enabled, threshold, minLifetime, value, staleAfter, maxOverflowNodes,
                breakerErrors, breakerWindow, breakerCoolDown, planAhead);
    }

    public BurstingSettings withStaleAfter(Duration value) {
        return new BurstingSettings(enabled, threshold, minLifetime, startDeadline, value, maxOverflowNodes,
                breakerErrors, breakerWindow, breakerCoolDown, planAhead);
    }

    public BurstingSettings withMaxOverflowNodes(int value) {
        return new BurstingSettings(enabled, threshold, minLifetime, startDeadline, staleAfter, value,
                breakerErrors, breakerWindow, breakerCoolDown, planAhead);
    }

    /** The circuit breaker: {@code errors} EC2 errors within {@code window} pause starts for {@code coolDown}. */
    public BurstingSettings withCircuitBreaker(int errors, Duration window, Duration coolDown) {
        return new BurstingSettings(enabled, threshold, minLifetime, startDeadline, staleAfter, maxOverflowNodes,
                errors, window, coolDown, planAhead);
    }

    public BurstingSettings withPlanAhead(PlanAhead value) {
        return new BurstingSettings(enabled, threshold, minLifetime, startDeadline, staleAfter, maxOverflowNodes,
                breakerErrors, breakerWindow, breakerCoolDown, value);
    }

    private static void requireAtLeast(String field, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException("Bursting setting " + field + " is " + value + "; it must be at least "
                    + minimum);
        }
    }

    private static void requirePositive(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("Bursting setting " + field + " is " + value
                    + "; it must be longer than zero");
        }
    }
}
