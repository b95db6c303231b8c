package dev.confab.management.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.testing.Await;
import dev.confab.management.testing.ChannelClients;
import dev.confab.management.testing.Fixtures;
import dev.confab.management.testing.RunningNode;
import dev.confab.shared.pki.CertificateRequest;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.KeyPairs;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.testing.PrometheusText;
import dev.confab.shared.wire.NodeChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.confab.management.testing.Fixtures.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /metrics} on a real Management Node over HTTPS: refused without credentials or with a
 * wrong token, served to the administrator, to an API token and to the scrape token of the global
 * settings (kept sealed, never shown), and counting what the API, the store and the node channel do;
 * and the certificate a scraper reads the nodes' {@code /metrics} with.
 */
@Timeout(60)
class MetricsIT {

    private static final String GLOBAL = CONFIG + "global/1/";
    private static final String COMMAND = "/api/admin/command/v1/platform/issue_metrics_certificate/";
    private static final String SCRAPE_TOKEN = "prometheus-scrape-token-0123456789";

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private static RunningNode.Response scrape(String authorization) {
        return node.send("GET", MetricsApi.PATH, null, authorization);
    }

    private static PrometheusText scraped() {
        RunningNode.Response response = scrape(RunningNode.basic(RunningNode.USER, RunningNode.PASSWORD));
        assertEquals(200, response.status(), response.text());
        return PrometheusText.parse(response.text());
    }

    @Test
    void refusesAScrapeWithoutCredentialsAsTheApiDoes() {
        RunningNode.Response refused = scrape(null);

        assertEquals(401, refused.status(), refused.text());
        assertTrue(refused.body().get("error").asText().contains("metrics_scrape_token"), refused.text());
        assertTrue(refused.raw().headers().firstValue("WWW-Authenticate").isPresent());
        assertFalse(refused.text().contains("confab_"), "no metric in a refusal");
    }

    @Test
    void servesTheAdministratorInThePrometheusTextFormat() {
        RunningNode.Response response = scrape(RunningNode.basic(RunningNode.USER, RunningNode.PASSWORD));

        assertEquals(200, response.status(), response.text());
        assertTrue(response.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                response.raw().headers().toString());
        PrometheusText metrics = PrometheusText.parse(response.text());
        for (String name : new String[] {"confab_heartbeats_received_total", "confab_nodes",
                "confab_replication_latency_seconds_count", "confab_store_commit_seconds_count",
                "confab_ec2_calls_total", "jvm_memory_used_bytes", "process_uptime_seconds", "jvm_threads_live_threads"}) {
            assertTrue(metrics.has(name), name + " in " + metrics.names());
        }
        assertEquals(Map.of("synced", 0.0, "syncing", 0.0, "unreachable", 0.0).keySet(),
                metrics.labelValues("confab_nodes", "status"));
    }

    @Test
    void servesTheScrapeTokenOnceSetAndRefusesAnyOther() throws Exception {
        assertEquals(401, scrape("Bearer " + SCRAPE_TOKEN).status(), "no scrape token is set yet");
        RunningNode.Response tooShort = node.patch(GLOBAL, Map.of("metrics_scrape_token", "short"));
        assertEquals(400, tooShort.status(), tooShort.text());
        assertTrue(tooShort.body().get("fields").has("metrics_scrape_token"), tooShort.text());

        assertEquals(200, node.patch(GLOBAL, Map.of("metrics_scrape_token", SCRAPE_TOKEN)).status());

        RunningNode.Response served = scrape("Bearer " + SCRAPE_TOKEN);
        assertEquals(200, served.status(), served.text());
        assertTrue(PrometheusText.parse(served.text()).has("confab_heartbeats_received_total"));
        assertEquals(401, scrape("Bearer " + SCRAPE_TOKEN + "x").status());
        assertEquals(401, scrape(RunningNode.basic(RunningNode.USER, "not the password")).status());
        // the token reads /metrics and nothing else
        assertEquals(401, node.send("GET", CONFIG + "global/1/", null, "Bearer " + SCRAPE_TOKEN).status());
        // it is write-only, and kept sealed
        JsonNode global = node.get(GLOBAL).body();
        assertFalse(global.has("metrics_scrape_token"), global.toString());
        String stored = node.agent().store().read(handle -> handle.createQuery(
                "SELECT metrics_scrape_token FROM global").mapTo(String.class).one());
        assertFalse(stored.contains(SCRAPE_TOKEN), "the token is not stored as it is");
    }

    @Test
    void servesAnApiToken() {
        String token = node.post("/api/admin/command/v1/platform/create_api_token/", Map.of("name", "prometheus"))
                .body().get("token").asText();

        assertEquals(200, scrape("Bearer " + token).status());
    }

    @Test
    void issuesAMetricsCertificateForTheScrapersKeyOnly() throws Exception {
        KeyPair keys = KeyPairs.ecP256();
        String csr = CertificateRequest.create(keys, "prometheus", List.of("prometheus.example.com")).pem();

        RunningNode.Response issued = node.post(COMMAND, Map.of("csr", csr));

        assertEquals(201, issued.status(), issued.text());
        X509Certificate certificate = Pem.readCertificates(issued.body().get("certificate").asText()).get(0);
        assertEquals("CN=" + NodeChannel.METRICS_COMMON_NAME, certificate.getSubjectX500Principal().getName());
        assertEquals(keys.getPublic(), certificate.getPublicKey());
        certificate.verify(node.agent().nodes().authority().certificate().getPublicKey());
        assertEquals(node.agent().nodes().authority().certificate(),
                Pem.readCertificates(issued.body().get("ca_certificate").asText()).get(0));
        RunningNode.Response garbage = node.post(COMMAND, Map.of("csr", "not a request"));
        assertEquals(400, garbage.status(), garbage.text());
        assertTrue(garbage.body().get("fields").has("csr"), garbage.text());
        assertEquals(400, node.post(COMMAND, Map.of()).status());
        assertEquals(401, node.send("POST", COMMAND, Map.of("csr", csr), null).status());
    }

    @Test
    void countsApiRequestsByRouteTemplateAndStatusAndTimesCommits() {
        PrometheusText before = scraped();
        String location = Fixtures.createLocation(node, "Metrics");
        assertEquals(200, node.get(location).status());
        assertEquals(404, node.get(CONFIG + "system_location/987654/").status());

        PrometheusText after = scraped();
        String route = after.labelValues("confab_http_requests_seconds_count", "route").stream()
                .filter(template -> template.startsWith(CONFIG) && template.endsWith("{id}/"))
                .findFirst().orElseThrow(() -> new AssertionError("no route template with a path parameter in "
                        + after.labelValues("confab_http_requests_seconds_count", "route")));
        assertFalse(after.labelValues("confab_http_requests_seconds_count", "route").stream()
                .anyMatch(template -> template.contains("987654")), "routes are templates, not paths");
        Map<String, String> found = Map.of("method", "GET", "route", route, "status", "200");
        assertTrue(after.sum("confab_http_requests_seconds_count", found)
                > before.sum("confab_http_requests_seconds_count", found), route);
        Map<String, String> missing = Map.of("method", "GET", "route", route, "status", "404");
        assertTrue(after.sum("confab_http_requests_seconds_count", missing)
                > before.sum("confab_http_requests_seconds_count", missing));
        assertTrue(after.sum("confab_http_requests_seconds_count", Map.of("status", "201"))
                > before.sum("confab_http_requests_seconds_count", Map.of("status", "201")), "the location created");
        assertTrue(after.sum("confab_store_commit_seconds_count") > before.sum("confab_store_commit_seconds_count"));
    }

    @Test
    void countsHeartbeatsAndTimesAReplicatedRevisionUntilTheNodeHoldsIt() throws Exception {
        String location = Fixtures.createLocation(node, "Channel");
        IssuedCertificate identity = ChannelClients.enrolled(node, location, "met-cn1", "10.20.0.31");
        PrometheusText before = scraped();

        assertEquals(200, ChannelClients.heartbeat(node, identity, 0).statusCode());
        assertEquals(200, ChannelClients.heartbeat(node, identity, 0).statusCode());
        // a new revision; the node polls for it, and then asks for what comes after it, as an agent does
        assertEquals(200, node.patch(location, Map.of("description", "changed")).status());
        long revision = Await.until(Duration.ofSeconds(5), () -> node.agent().replication().current().revision(),
                current -> current >= node.agent().configuration().revision());
        // the poll then waits for the next revision: its arrival is what counts
        CompletableFuture<HttpResponse<String>> poll = ChannelClients.client(node, identity).sendAsync(
                HttpRequest.newBuilder(ChannelClients.uri(node, NodeChannel.CONFIG + "?since=" + revision)).build(),
                HttpResponse.BodyHandlers.ofString());

        PrometheusText after;
        try {
            // the fleet's gauges are summed at most once a second: a scrape within it still shows the last sum
            after = Await.until(Duration.ofSeconds(5), MetricsIT::scraped,
                    metrics -> metrics.sum("confab_replication_latency_seconds_count")
                            > before.sum("confab_replication_latency_seconds_count")
                            && metrics.sum("confab_nodes", Map.of("status", "synced"))
                            + metrics.sum("confab_nodes", Map.of("status", "syncing")) >= 1);
        } finally {
            poll.cancel(true);
        }
        assertEquals(2, after.sum("confab_heartbeats_received_total")
                - before.sum("confab_heartbeats_received_total"));
        assertTrue(after.sum("confab_heartbeat_interval_seconds_count")
                > before.sum("confab_heartbeat_interval_seconds_count"), "the second heartbeat's interval");
        assertTrue(after.sum("confab_nodes", Map.of("status", "synced"))
                + after.sum("confab_nodes", Map.of("status", "syncing")) >= 1, "the node reports");
        assertEquals(revision, after.sum("confab_configuration_revision"));
    }
}
