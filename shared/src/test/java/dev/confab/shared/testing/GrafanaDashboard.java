package dev.confab.shared.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Grafana dashboard in {@code docs/grafana/}, read: its panels' queries and the metrics they name. */
public final class GrafanaDashboard {

    /** A metric of the agents: Confab's own, the JVM's and the process's. */
    private static final Pattern METRIC = Pattern.compile("\\b(?:confab|jvm|process)_[a-z0-9_]+");

    private final JsonNode dashboard;

    private GrafanaDashboard(JsonNode dashboard) {
        this.dashboard = dashboard;
    }

    /** Reads {@code docs/grafana/confab-dashboard.json}, found from the module's directory upwards. */
    public static GrafanaDashboard read() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/grafana/confab-dashboard.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IOException("docs/grafana/confab-dashboard.json is not above " + Path.of("").toAbsolutePath());
        }
        return new GrafanaDashboard(new ObjectMapper().readTree(dir.resolve("docs/grafana/confab-dashboard.json")
                .toFile()));
    }

    public JsonNode json() {
        return dashboard;
    }

    /** Every query of every panel, rows' nested panels included. */
    public List<String> queries() {
        List<String> queries = new ArrayList<>();
        dashboard.findValues("expr").forEach(expr -> queries.add(expr.asText()));
        return queries;
    }

    /** Every metric a query names, as the scrape names it ({@code confab_nodes}, {@code …_bucket}). */
    public Set<String> metrics() {
        Set<String> names = new TreeSet<>();
        for (String query : queries()) {
            Matcher metric = METRIC.matcher(query);
            while (metric.find()) {
                names.add(metric.group());
            }
        }
        return names;
    }
}
