package dev.confab.bench.admission;

import dev.confab.bench.LatencyRecorder;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one phase of load measured: requests answered per second, their latency (from the request
 * handed to the client to its answer), their outcomes, and the cores each process used meanwhile.
 */
record PhaseResult(String name, double seconds, LatencyRecorder latencies, Map<String, Long> outcomes,
                   Map<String, Double> cores) {

    double perSecond() {
        return latencies.count() / seconds;
    }

    /** Answers with outcome {@code outcome} per second. */
    double perSecond(String outcome) {
        return outcomes.getOrDefault(outcome, 0L) / seconds;
    }

    String line() {
        return String.format("%-40s %6.0f/s  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  cores: %s  %s", name,
                perSecond(), latencies.percentileMillis(0.50), latencies.percentileMillis(0.99),
                latencies.percentileMillis(1.0), cores.entrySet().stream()
                        .map(entry -> String.format("%s %.2f", entry.getKey(), entry.getValue()))
                        .collect(Collectors.joining(", ")), new TreeMap<>(outcomes).entrySet().stream()
                        .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", ")));
    }
}
