package dev.confab.management.api;

import dev.confab.management.cloud.CloudService;
import dev.confab.management.channel.ChannelConnections;
import dev.confab.management.metrics.NodeMetrics;
import dev.confab.management.replication.ReplicationHub;
import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.store.Store;
import dev.confab.shared.crypto.SecretBox;
import dev.confab.shared.metrics.AgentMetrics;
import dev.confab.shared.testing.GrafanaDashboard;
import dev.confab.shared.testing.PrometheusText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Grafana dashboard in docs/ is valid dashboard JSON, and every Management Node metric it queries
 * is one the Management Node registers (the nodes' own, {@code confab_node_*} and
 * {@code confab_admissions_*}, are the Conferencing Node's test's).
 */
class GrafanaDashboardTest {

    @Test
    void isADashboardWhosePanelsEachQuerySomething() throws Exception {
        GrafanaDashboard dashboard = GrafanaDashboard.read();

        assertEquals("Confab", dashboard.json().get("title").asText());
        assertTrue(dashboard.json().get("schemaVersion").asInt() > 0);
        dashboard.json().get("panels").forEach(panel -> {
            assertTrue(panel.has("id") && panel.has("type") && panel.has("gridPos"), panel.toString());
            if (!panel.get("type").asText().equals("row")) {
                assertFalse(panel.get("targets").isEmpty(), panel.get("title").asText());
            }
        });
    }

    @Test
    void queriesOnlyMetricsTheManagementNodeRegisters(@TempDir Path dir) throws Exception {
        Clock clock = Clock.systemUTC();
        String scrape;
        try (AgentMetrics metrics = AgentMetrics.create(); Store store = Store.open(dir.resolve("confab.db"))) {
            store.bindTo(metrics.registry());
            new NodeMetrics(metrics.registry(), clock, Duration.ofSeconds(10), List::of, () -> 0, () -> 0);
            SecretBox secrets = SecretBox.openOrCreate(dir.resolve("secret.key"));
            ConfigurationService configuration = new ConfigurationService(store, new Catalog(clock), secrets, clock);
            try (CloudService cloud = CloudService.create(configuration, secrets, clock);
                 ReplicationHub replication = ReplicationHub.start(configuration, secrets, Duration.ofSeconds(25))) {
                cloud.bindTo(metrics.registry());
                replication.bindTo(metrics.registry());
            }
            new ChannelConnections().bindTo(metrics.registry());
            // request timers are made at a route's first request
            new RequestMetrics(metrics.registry()).record("GET", "/api/admin/status/v1/{resource}/", 200, 1_000_000);
            scrape = metrics.scrape();
        }
        Set<String> registered = PrometheusText.parse(scrape).names();

        Set<String> queried = new TreeSet<>(GrafanaDashboard.read().metrics());
        queried.removeIf(name -> name.startsWith("confab_node_") || name.startsWith("confab_admissions_"));
        assertTrue(queried.containsAll(Set.of("confab_nodes", "confab_heartbeats_received_total",
                "confab_replication_latency_seconds_bucket", "confab_http_requests_seconds_count")), queried.toString());
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(registered);
        assertEquals(Set.of(), missing, "queried but not registered");
    }
}
