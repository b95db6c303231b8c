package dev.confab.localcloud.callgen;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long a generated call is held before it is released: a fixed time ({@code 30s}), an
 * exponential distribution with a mean ({@code exp:30s}, as call lengths are usually modelled), or a
 * uniform one between two bounds ({@code uniform:10s-60s}). Immutable.
 */
sealed interface HoldTime {

    /** One hold time drawn from this distribution with {@code random}. */
    Duration sample(RandomGenerator random);

    /** A fixed hold time. */
    record Fixed(Duration hold) implements HoldTime {
        @Override
        public Duration sample(RandomGenerator random) {
            return hold;
        }

        @Override
        public String toString() {
            return Durations.format(hold);
        }
    }

    /** Exponentially distributed hold times of mean {@code mean}. */
    record Exponential(Duration mean) implements HoldTime {
        @Override
        public Duration sample(RandomGenerator random) {
            // inverse of the distribution function; 1 - u is in (0, 1], so the logarithm is finite
            double millis = -mean.toMillis() * Math.log(1 - random.nextDouble());
            return Duration.ofMillis(Math.round(millis));
        }

        @Override
        public String toString() {
            return "exp:" + Durations.format(mean);
        }
    }

    /** Hold times uniformly distributed from {@code min} to {@code max}, both included. */
    record Uniform(Duration min, Duration max) implements HoldTime {
        @Override
        public Duration sample(RandomGenerator random) {
            return Duration.ofMillis(random.nextLong(min.toMillis(), max.toMillis() + 1));
        }

        @Override
        public String toString() {
            return "uniform:" + Durations.format(min) + "-" + Durations.format(max);
        }
    }

    /** The hold time {@code text} describes, or an {@link IllegalArgumentException} saying how to write one. */
    static HoldTime parse(String text) {
        String value = text.strip();
        try {
            if (value.startsWith("exp:")) {
                Duration mean = Durations.parse(value.substring(4));
                if (mean.isZero()) {
                    throw new IllegalArgumentException("the mean of exp: must be more than 0.");
                }
                return new Exponential(mean);
            }
            if (value.startsWith("uniform:")) {
                String[] bounds = value.substring(8).split("-", -1);
                if (bounds.length != 2) {
                    throw new IllegalArgumentException("uniform: takes two durations joined by '-', e.g. uniform:10s-60s.");
                }
                Duration min = Durations.parse(bounds[0]);
                Duration max = Durations.parse(bounds[1]);
                if (max.compareTo(min) < 0) {
                    throw new IllegalArgumentException("the upper bound of uniform: is below its lower bound.");
                }
                return new Uniform(min, max);
            }
            if (value.contains(":")) {
                throw new IllegalArgumentException("the only distributions are exp: and uniform:.");
            }
            return new Fixed(Durations.parse(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid hold time '" + text + "': " + e.getMessage()
                    + " Write a duration (30s), exp:MEAN (exp:30s) or uniform:MIN-MAX (uniform:10s-60s).", e);
        }
    }
}
