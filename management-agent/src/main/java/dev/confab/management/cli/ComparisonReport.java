package dev.confab.management.cli;

import dev.confab.management.bursting.simulation.Comparison;
import dev.confab.management.bursting.simulation.PolicyResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How {@code confab simulate} prints a comparison: one JSON object, or a table. */
final class ComparisonReport {

    private ComparisonReport() {
    }

    static Map<String, Object> json(String source, Comparison comparison) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("trace", source);
        report.put("start", comparison.start().toString());
        report.put("end", comparison.end().toString());
        report.put("calls", comparison.calls());
        report.put("clairvoyant_instance_hours", round(comparison.clairvoyantInstanceHours()));
        List<Map<String, Object>> policies = comparison.results().stream().map(result -> {
            Map<String, Object> policy = new LinkedHashMap<>();
            policy.put("name", result.name());
            policy.put("rejected_calls", result.rejectedCalls());
            policy.put("overflowed_call_minutes", round(result.overflowedCallMinutes()));
            policy.put("instance_hours", round(result.instanceHours()));
            Map<String, Object> byLocation = new LinkedHashMap<>();
            result.instanceHoursByLocation().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(entry -> byLocation.put(entry.getKey(), round(entry.getValue())));
            policy.put("instance_hours_by_location", byLocation);
            policy.put("starts", result.starts());
            policy.put("stops", result.stops());
            policy.put("billed_hours", round(result.billedHours()));
            policy.put("cost", round(result.cost()));
            return policy;
        }).toList();
        report.put("policies", policies);
        return report;
    }

    static String table(String source, Comparison comparison) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Replay of %s: %,d calls from %s to %s.%n%n", source, comparison.calls(),
                comparison.start(), comparison.end()));
        String row = "%-32s %9s %13s %10s %13s %7s %7s %10s%n";
        text.append(String.format(Locale.ROOT, row, "policy", "rejected", "overflowed", "instance", "× clairvoyant",
                "starts", "stops", "cost"));
        text.append(String.format(Locale.ROOT, row, "", "calls", "call-minutes", "hours", "", "", "", "(USD)"));
        double clairvoyant = comparison.clairvoyantInstanceHours();
        for (PolicyResult result : comparison.results()) {
            text.append(String.format(Locale.ROOT, row, result.name(), String.format(Locale.ROOT, "%,d",
                    result.rejectedCalls()), String.format(Locale.ROOT, "%,.0f", result.overflowedCallMinutes()),
                    String.format(Locale.ROOT, "%.1f", result.instanceHours()), clairvoyant > 0
                            ? String.format(Locale.ROOT, "%.2f", result.instanceHours() / clairvoyant) : "-",
                    result.starts(), result.stops(), String.format(Locale.ROOT, "%.2f", result.cost())));
        }
        text.append(String.format(Locale.ROOT, "%nClairvoyant minimum: %.1f instance-hours (every node started exactly"
                + " 5 minutes before it is needed and stopped as soon as it is not; no call rejected).%n", clairvoyant));
        return text.toString();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
