package dev.confab.conferencing;

import dev.confab.conferencing.admission.AdmissionCounts;
import dev.confab.shared.metrics.AgentMetrics;
import dev.confab.shared.testing.GrafanaDashboard;
import dev.confab.shared.testing.PrometheusText;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every Conferencing Node metric the Grafana dashboard in docs/ queries is one the node registers. */
class GrafanaDashboardNodeTest {

    @Test
    void queriesOnlyMetricsTheNodeRegisters() throws Exception {
        Set<String> registered;
        try (AgentMetrics metrics = AgentMetrics.create()) {
            new AdmissionCounts(metrics.registry());
            // the gauges read the running node when scraped; unbound, they read as NaN, and are named all the same
            NodeGauges.register(metrics.registry(), null, null);
            registered = PrometheusText.parse(metrics.scrape()).names();
        }

        Set<String> queried = new TreeSet<>(GrafanaDashboard.read().metrics());
        queried.removeIf(name -> !name.startsWith("confab_node_") && !name.startsWith("confab_admissions_")
                && !name.startsWith("jvm_") && !name.startsWith("process_"));
        assertFalse(queried.isEmpty());
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(registered);
        assertEquals(Set.of(), missing, "queried but not registered");
    }
}
