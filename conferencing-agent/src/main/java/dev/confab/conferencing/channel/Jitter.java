package dev.confab.conferencing.channel;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Spreads nodes' calls over time so that a fleet started together does not call together: a wait
 * becomes a uniformly random duration within ±10 % of it. Pure given the random source.
 */
public final class Jitter {

    /** The largest share of the interval added or taken away. */
    public static final double SPREAD = 0.10;

    private Jitter() {
    }

    public static Duration around(Duration interval, RandomGenerator random) {
        long millis = interval.toMillis();
        long spread = (long) (millis * SPREAD);
        long offset = spread == 0 ? 0 : random.nextLong(-spread, spread + 1);
        return Duration.ofMillis(Math.max(1, millis + offset));
    }
}
