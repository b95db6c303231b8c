package dev.confab.localcloud.callgen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of a callgen run at one moment ({@link CallStats#snapshot}): as a progress line, as
 * the summary printed at the end, and as one JSON object for scripts. Maps are sorted by key. Immutable.
 *
 * @param attempted       {@code request_token} requests sent
 * @param admitted        calls admitted (a token received)
 * @param refused         requests the node refused, by reason ({@code capacity exceeded}, or the node's message)
 * @param errors          requests that got no answer, by reason
 * @param active          calls held now
 * @param released        held calls released at the end of their hold (or when the run was stopped)
 * @param dropped         held calls lost before their end (a refresh refused, or the token expired), by reason
 * @param releaseFailures releases refused or unanswered, by reason
 * @param locations       per {@code system_location} of the admitted calls: admitted and held now
 * @param requestToken    latency of the answered {@code request_token} requests
 */
record CallgenSummary(Duration elapsed, long attempted, long admitted, Map<String, Long> refused,
                      Map<String, Long> errors, long active, long released, Map<String, Long> dropped,
                      Map<String, Long> releaseFailures, Map<String, Location> locations, Latency requestToken) {

    /** Calls of one location: admitted in all, held now. */
    record Location(long admitted, long active) {
    }

    /** Answered requests and their latency percentiles (nearest rank) and maximum, in milliseconds. */
    record Latency(long answers, double p50Millis, double p99Millis, double maxMillis) {
    }

    long refusedTotal() {
        return count(refused);
    }

    long errorTotal() {
        return count(errors);
    }

    /** One line for a terminal, rewritten in place as the run goes on. */
    String progressLine() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%6.1f s  admitted %d  refused %d",
                elapsed.toMillis() / 1000.0, admitted, refusedTotal()));
        if (!refused.isEmpty()) {
            line.append(" (").append(counts(refused)).append(')');
        }
        if (!errors.isEmpty()) {
            line.append("  unanswered ").append(errorTotal());
        }
        line.append("  active ").append(active);
        if (!locations.isEmpty()) {
            line.append(" (").append(locations.entrySet().stream()
                    .map(entry -> entry.getKey() + " " + entry.getValue().active())
                    .collect(Collectors.joining(", "))).append(')');
        }
        return line.toString();
    }

    /** The summary printed at the end of a run against {@code alias}. */
    String text(String alias) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "callgen: %d calls to %s in %.1f s%n", attempted, alias,
                elapsed.toMillis() / 1000.0));
        text.append("  admitted   ").append(admitted).append('\n');
        text.append("  refused    ").append(refusedTotal()).append(refused.isEmpty() ? "" : " (" + counts(refused) + ")")
                .append('\n');
        if (!errors.isEmpty()) {
            text.append("  unanswered ").append(errorTotal()).append(" (").append(counts(errors)).append(")\n");
        }
        text.append("  released   ").append(released).append('\n');
        if (!dropped.isEmpty()) {
            text.append("  dropped    ").append(count(dropped)).append(" (").append(counts(dropped)).append(")\n");
        }
        if (!releaseFailures.isEmpty()) {
            text.append("  release failed ").append(count(releaseFailures)).append(" (").append(counts(releaseFailures))
                    .append(")\n");
        }
        if (active > 0) {
            text.append("  still held ").append(active).append('\n');
        }
        locations.forEach((name, location) -> text.append("  location ").append(name).append(": admitted ")
                .append(location.admitted()).append('\n'));
        text.append(String.format(Locale.ROOT, "  request_token latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                        + " (%d answers)%n", requestToken.p50Millis(), requestToken.p99Millis(),
                requestToken.maxMillis(), requestToken.answers()));
        return text.toString();
    }

    /** The summary as one JSON object on one line, for scripts. */
    String json(String alias) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("alias", alias);
        object.put("seconds", elapsed.toMillis() / 1000.0);
        object.put("attempted", attempted);
        object.put("admitted", admitted);
        object.put("refused", refusedTotal());
        object.put("refused_by_reason", refused);
        object.put("unanswered", errorTotal());
        object.put("unanswered_by_reason", errors);
        object.put("released", released);
        object.put("dropped", dropped);
        object.put("release_failed", releaseFailures);
        object.put("active", active);
        Map<String, Object> perLocation = new LinkedHashMap<>();
        locations.forEach((name, location) -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("admitted", location.admitted());
            counts.put("active", location.active());
            perLocation.put(name, counts);
        });
        object.put("locations", perLocation);
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("answers", requestToken.answers());
        latency.put("p50", microseconds(requestToken.p50Millis()));
        latency.put("p99", microseconds(requestToken.p99Millis()));
        latency.put("max", microseconds(requestToken.maxMillis()));
        object.put("request_token_ms", latency);
        try {
            return new ObjectMapper().writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The summary cannot be written as JSON", e);
        }
    }

    /** {@code millis} rounded to the microsecond. */
    private static double microseconds(double millis) {
        return Math.round(millis * 1000) / 1000.0;
    }

    private static long count(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String counts(Map<String, Long> counts) {
        return counts.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}
