package dev.confab.shared.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape in the Prometheus text format, read back: each series (name and labels) with its value.
 * Immutable.
 */
public final class PrometheusText {

    private static final Pattern SERIES = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private record Series(String name, Map<String, String> labels, double value) {
    }

    private final java.util.List<Series> series = new java.util.ArrayList<>();

    private PrometheusText(String text) {
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher matcher = SERIES.matcher(line.strip());
            if (!matcher.matches()) {
                throw new IllegalArgumentException("not a line of the Prometheus text format: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (matcher.group(3) != null) {
                Matcher label = LABEL.matcher(matcher.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            series.add(new Series(matcher.group(1), labels, Double.parseDouble(matcher.group(4))));
        }
    }

    public static PrometheusText parse(String text) {
        return new PrometheusText(text);
    }

    /** Whether a series of that name is present. */
    public boolean has(String name) {
        return series.stream().anyMatch(one -> one.name().equals(name));
    }

    /** The sum of the series named {@code name} whose labels include {@code labels}; 0 when there are none. */
    public double sum(String name, Map<String, String> labels) {
        return series.stream().filter(one -> one.name().equals(name))
                .filter(one -> one.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Series::value).sum();
    }

    public double sum(String name) {
        return sum(name, Map.of());
    }

    /** The values label {@code label} takes in the series named {@code name}. */
    public Set<String> labelValues(String name, String label) {
        Set<String> values = new TreeSet<>();
        series.stream().filter(one -> one.name().equals(name)).map(one -> one.labels().get(label))
                .filter(value -> value != null).forEach(values::add);
        return values;
    }

    /** Every series name. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        series.forEach(one -> names.add(one.name()));
        return names;
    }
}
