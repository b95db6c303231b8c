package dev.confab.management.bursting;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two measured starts compare by their totals, nanoseconds carried over whole seconds included. */
class StartLatencyTest {

    @Test
    void comparesTotalsAsTheTotalsThemselvesCompare() {
        SplittableRandom random = new SplittableRandom(16);
        for (int round = 0; round < 100_000; round++) {
            StartLatency one = random(random);
            StartLatency other = random.nextInt(10) == 0 ? one : random(random);

            assertEquals(Integer.signum(one.total().compareTo(other.total())), Integer.signum(one.compareTotal(other)),
                    () -> one + " against " + other);
        }
    }

    @Test
    void carriesNanosecondsOverASecond() {
        StartLatency carried = new StartLatency(1, Duration.ofMillis(1_600), Duration.ofMillis(1_600));
        StartLatency whole = new StartLatency(2, Duration.ofSeconds(3), Duration.ofMillis(100));

        assertEquals(1, carried.compareTotal(whole));
        assertEquals(-1, whole.compareTotal(carried));
    }

    private static StartLatency random(SplittableRandom random) {
        // few distinct seconds and nanoseconds near the second, so that totals often tie or carry
        return new StartLatency(1, Duration.ofSeconds(random.nextInt(4), nanos(random)),
                Duration.ofSeconds(random.nextInt(4), nanos(random)));
    }

    private static long nanos(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 999_999_999;
            case 2 -> 500_000_000;
            default -> random.nextInt(1_000_000_000);
        };
    }
}
