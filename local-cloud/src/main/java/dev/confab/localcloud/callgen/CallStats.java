package dev.confab.localcloud.callgen;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened to the generated calls so far: attempts, admissions and refusals (by reason),
 * requests that got no answer, calls held and ended, per location (the {@code system_location} of
 * each admission), and the latency of every answered {@code request_token}. Thread-safe: every
 * method holds this object's lock, briefly.
 */
final class CallStats {

    private long attempted;
    private long admitted;
    private long released;
    private final Map<String, Long> refused = new TreeMap<>();
    private final Map<String, Long> errors = new TreeMap<>();
    private final Map<String, Long> dropped = new TreeMap<>();
    private final Map<String, Long> releaseFailures = new TreeMap<>();
    private final Map<String, long[]> locations = new TreeMap<>();
    private long[] latencies = new long[1024];
    private int answers;

    synchronized void attempted() {
        attempted++;
    }

    /** A call admitted in {@code location}, {@code latency} after its request was sent; it is held from now. */
    synchronized void admitted(String location, Duration latency) {
        admitted++;
        long[] counts = locations.computeIfAbsent(location, name -> new long[2]);
        counts[0]++;
        counts[1]++;
        answered(latency);
    }

    /** A request the node answered with a refusal for {@code reason}. */
    synchronized void refused(String reason, Duration latency) {
        refused.merge(reason, 1L, Long::sum);
        answered(latency);
    }

    /** A request that got no answer, for {@code reason}. */
    synchronized void unanswered(String reason) {
        errors.merge(reason, 1L, Long::sum);
    }

    /** A held call in {@code location} released as planned. */
    synchronized void released(String location) {
        released++;
        ended(location);
    }

    /** A held call in {@code location} whose release failed for {@code reason}; it is no longer held here. */
    synchronized void releaseFailed(String location, String reason) {
        releaseFailures.merge(reason, 1L, Long::sum);
        ended(location);
    }

    /** A held call in {@code location} lost before its end for {@code reason} (its token refused or expired). */
    synchronized void dropped(String location, String reason) {
        dropped.merge(reason, 1L, Long::sum);
        ended(location);
    }

    /** The figures as they are now, {@code elapsed} into the run. */
    synchronized CallgenSummary snapshot(Duration elapsed) {
        long[] sorted = Arrays.copyOf(latencies, answers);
        Arrays.sort(sorted);
        Map<String, CallgenSummary.Location> perLocation = new TreeMap<>();
        locations.forEach((name, counts) -> perLocation.put(name, new CallgenSummary.Location(counts[0], counts[1])));
        long active = locations.values().stream().mapToLong(counts -> counts[1]).sum();
        return new CallgenSummary(elapsed, attempted, admitted, sorted(refused), sorted(errors),
                active, released, sorted(dropped), sorted(releaseFailures), Collections.unmodifiableMap(perLocation),
                new CallgenSummary.Latency(answers, percentile(sorted, 0.50), percentile(sorted, 0.99),
                        answers == 0 ? 0 : sorted[answers - 1] / 1e6));
    }

    /** The latency at quantile {@code q} of {@code sorted} nanoseconds, nearest rank, in milliseconds; 0 when empty. */
    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        return Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    private void answered(Duration latency) {
        if (answers == latencies.length) {
            latencies = Arrays.copyOf(latencies, answers * 2);
        }
        latencies[answers++] = latency.toNanos();
    }

    private void ended(String location) {
        locations.get(location)[1]--;
    }
}
