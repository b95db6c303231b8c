package dev.confab.management.calls;

import dev.confab.shared.wire.LocationLoad;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The chart's memory: bounded, oldest dropped, one aligned series per location. */
class LoadHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(15);

    /** A location with {@code max} and {@code used} media tokens and {@code free} free HD calls. */
    private static LocationLoad load(String name, int max, int used, int free) {
        return new LocationLoad(name, max, used, free, List.of());
    }

    private static Instant at(int samples) {
        return T0.plus(INTERVAL.multipliedBy(samples));
    }

    @Test
    void keepsAtMostItsHoursOfSamplesDroppingTheOldest() {
        LoadHistory history = new LoadHistory(INTERVAL, Duration.ofMinutes(1));
        assertEquals(4, history.capacity());
        for (int i = 0; i < 10; i++) {
            history.record(at(i), List.of(load("London", 64, i * 16, 4 - i)));
        }
        LoadSeries series = history.since(Instant.EPOCH);
        assertEquals(List.of(at(6), at(7), at(8), at(9)), series.times());
        assertEquals(List.of(6.0, 7.0, 8.0, 9.0), series.locations().get(0).hdCallsInUse());
    }

    @Test
    void dropsSamplesOlderThanItKeepsEvenWhenSamplingPaused() {
        LoadHistory history = new LoadHistory(INTERVAL, Duration.ofMinutes(1));
        history.record(at(0), List.of(load("London", 64, 0, 4)));
        history.record(at(100), List.of(load("London", 64, 16, 3)));
        assertEquals(List.of(at(100)), history.since(Instant.EPOCH).times());
    }

    @Test
    void countsHdCallsInUseFromMediaTokensSoAnSdCallIsHalfOne() {
        LoadHistory history = new LoadHistory(INTERVAL, Duration.ofHours(3));
        history.record(at(0), List.of(load("London", 272, 40, 14)));
        LoadSeries.Location london = history.since(Instant.EPOCH).locations().get(0);
        assertEquals(List.of(2.5), london.hdCallsInUse());
        assertEquals(List.of(17.0), london.maxHdCalls());
        assertEquals(List.of(14), london.freeHdCalls());
    }

    @Test
    void alignsLocationsInNameOrderWithGapsWhereALocationWasNotSampled() {
        LoadHistory history = new LoadHistory(INTERVAL, Duration.ofHours(3));
        history.record(at(0), List.of(load("Paris", 32, 0, 2)));
        history.record(at(1), List.of(load("Paris", 32, 16, 1), load("London", 64, 0, 4)));
        LoadSeries series = history.since(Instant.EPOCH);
        assertEquals(List.of("London", "Paris"), series.locations().stream().map(LoadSeries.Location::name).toList());
        assertEquals(Arrays.asList(null, 4.0), series.locations().get(0).maxHdCalls());
        assertEquals(List.of(0.0, 1.0), series.locations().get(1).hdCallsInUse());
    }

    @Test
    void answersOnlyTheSamplesSinceTheInstantAsked() {
        LoadHistory history = new LoadHistory(INTERVAL, Duration.ofHours(3));
        for (int i = 0; i < 5; i++) {
            history.record(at(i), List.of(load("London", 64, 0, 4)));
        }
        assertEquals(List.of(at(3), at(4)), history.since(at(3)).times());
    }

    @Test
    void ignoresASampleOlderThanTheNewest() {
        LoadHistory history = new LoadHistory(INTERVAL, Duration.ofHours(3));
        history.record(at(2), List.of(load("London", 64, 0, 4)));
        history.record(at(1), List.of(load("London", 64, 16, 3)));
        assertEquals(List.of(at(2)), history.since(Instant.EPOCH).times());
    }

    @Test
    void replacesASampleTakenAtTheSameInstant() {
        LoadHistory history = new LoadHistory(INTERVAL, Duration.ofHours(3));
        history.record(at(1), List.of(load("London", 64, 0, 4)));
        history.record(at(1), List.of(load("London", 64, 32, 2)));
        LoadSeries series = history.since(Instant.EPOCH);
        assertEquals(List.of(at(1)), series.times());
        assertEquals(List.of(2.0), series.locations().get(0).hdCallsInUse());
    }

    @Test
    void refusesAnIntervalLongerThanWhatItKeeps() {
        assertThrows(IllegalArgumentException.class, () -> new LoadHistory(Duration.ofHours(1), Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new LoadHistory(Duration.ZERO, Duration.ofMinutes(1)));
    }
}
