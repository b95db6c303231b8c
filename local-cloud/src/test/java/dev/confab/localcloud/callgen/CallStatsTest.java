package dev.confab.localcloud.callgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallStatsTest {

    @Test
    void countsEachOutcomeAndWhatIsHeldPerLocation() {
        CallStats stats = runOfSeven();

        CallgenSummary summary = stats.snapshot(Duration.ofSeconds(12));
        assertEquals(7, summary.attempted());
        assertEquals(4, summary.admitted());
        assertEquals(Map.of("capacity exceeded", 1L, "Invalid PIN", 1L), summary.refused());
        assertEquals(2, summary.refusedTotal());
        assertEquals(Map.of("ConnectException", 1L), summary.errors());
        assertEquals(2, summary.active());
        assertEquals(1, summary.released());
        assertEquals(Map.of("refresh refused: invalid token", 1L), summary.dropped());
        assertEquals(Map.of(
                "London", new CallgenSummary.Location(3, 1),
                "Paris", new CallgenSummary.Location(1, 1)), summary.locations());
    }

    @Test
    void latencyPercentilesAreOfAnsweredRequestsByNearestRank() {
        CallStats stats = new CallStats();
        for (int millis = 1; millis <= 100; millis++) {
            stats.attempted();
            stats.refused("capacity exceeded", Duration.ofMillis(millis));
        }
        stats.attempted();
        stats.unanswered("HttpTimeoutException");

        CallgenSummary.Latency latency = stats.snapshot(Duration.ZERO).requestToken();
        assertEquals(100, latency.answers());
        assertEquals(50.0, latency.p50Millis());
        assertEquals(99.0, latency.p99Millis());
        assertEquals(100.0, latency.maxMillis());
    }

    @Test
    void anEmptyRunHasNoLatencyAndNothingHeld() {
        CallgenSummary summary = new CallStats().snapshot(Duration.ZERO);

        assertEquals(new CallgenSummary.Latency(0, 0, 0, 0), summary.requestToken());
        assertEquals(0, summary.active());
        assertEquals("   0.0 s  admitted 0  refused 0  active 0", summary.progressLine());
    }

    @Test
    void theProgressLineShowsRefusalsByReasonAndHeldCallsPerLocation() {
        assertEquals("  12.0 s  admitted 4  refused 2 (Invalid PIN: 1, capacity exceeded: 1)  unanswered 1"
                + "  active 2 (London 1, Paris 1)", runOfSeven().snapshot(Duration.ofSeconds(12)).progressLine());
    }

    @Test
    void theJsonSummaryHasEveryCountForScripts() throws Exception {
        JsonNode json = new ObjectMapper().readTree(runOfSeven().snapshot(Duration.ofMillis(12_345)).json("meet@demo"));

        assertEquals("meet@demo", json.get("alias").asText());
        assertEquals(12.345, json.get("seconds").asDouble());
        assertEquals(7, json.get("attempted").asLong());
        assertEquals(4, json.get("admitted").asLong());
        assertEquals(2, json.get("refused").asLong());
        assertEquals(1, json.get("refused_by_reason").get("capacity exceeded").asLong());
        assertEquals(1, json.get("unanswered").asLong());
        assertEquals(1, json.get("released").asLong());
        assertEquals(1, json.get("dropped").get("refresh refused: invalid token").asLong());
        assertEquals(2, json.get("active").asLong());
        assertEquals(3, json.get("locations").get("London").get("admitted").asLong());
        assertEquals(1, json.get("locations").get("London").get("active").asLong());
        assertEquals(6, json.get("request_token_ms").get("answers").asLong());
        // 3.0004 ms, to the microsecond
        assertEquals(3.0, json.get("request_token_ms").get("p50").asDouble());
        assertEquals(6.0, json.get("request_token_ms").get("p99").asDouble());
    }

    @Test
    void theTextSummaryNamesEveryOutcome() {
        String text = runOfSeven().snapshot(Duration.ofSeconds(12)).text("meet@demo");

        assertTrue(text.startsWith("callgen: 7 calls to meet@demo in 12.0 s\n"), text);
        assertTrue(text.contains("  admitted   4\n"), text);
        assertTrue(text.contains("  refused    2 (Invalid PIN: 1, capacity exceeded: 1)\n"), text);
        assertTrue(text.contains("  unanswered 1 (ConnectException: 1)\n"), text);
        assertTrue(text.contains("  dropped    1 (refresh refused: invalid token: 1)\n"), text);
        assertTrue(text.contains("  still held 2\n"), text);
        assertTrue(text.contains("  location London: admitted 3\n"), text);
        assertTrue(text.contains("request_token latency: p50 "), text);
        assertFalse(text.contains("release failed"), text);
    }

    /** 7 attempts: 4 admitted (3 in London), 2 refused, 1 unanswered; of those held, 1 released and 1 dropped. */
    private static CallStats runOfSeven() {
        CallStats stats = new CallStats();
        for (int i = 0; i < 7; i++) {
            stats.attempted();
        }
        stats.admitted("London", Duration.ofNanos(3_000_400));
        stats.admitted("London", Duration.ofMillis(4));
        stats.admitted("Paris", Duration.ofMillis(5));
        stats.admitted("London", Duration.ofMillis(6));
        stats.refused("capacity exceeded", Duration.ofMillis(2));
        stats.refused("Invalid PIN", Duration.ofMillis(2));
        stats.unanswered("ConnectException");
        stats.released("London");
        stats.dropped("London", "refresh refused: invalid token");
        return stats;
    }
}
