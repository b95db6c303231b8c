package dev.confab.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatencyRecorderTest {

    @Test
    void computesNearestRankPercentilesAcrossMergedRecorders() {
        LatencyRecorder first = new LatencyRecorder();
        LatencyRecorder second = new LatencyRecorder();
        for (int ms = 1; ms <= 50; ms++) {
            first.record(ms * 1_000_000L);
            second.record((50 + ms) * 1_000_000L);
        }
        second.error();
        LatencyRecorder all = LatencyRecorder.merge(List.of(first, second));
        assertEquals(100, all.count());
        assertEquals(1, all.errors());
        assertEquals(50.0, all.percentileMillis(0.50));
        assertEquals(99.0, all.percentileMillis(0.99));
        assertEquals(100.0, all.percentileMillis(1.0));
    }

    @Test
    void reportsZeroForAnEmptyRun() {
        assertEquals(0.0, new LatencyRecorder().percentileMillis(0.99));
    }
}
