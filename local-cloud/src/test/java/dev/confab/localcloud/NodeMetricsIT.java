package dev.confab.localcloud;

import dev.confab.conferencing.ConferencingAgent;
import dev.confab.conferencing.ConferencingConfig;
import dev.confab.conferencing.admission.AdmissionConfig;
import dev.confab.localcloud.testing.InProcessPlatform;
import dev.confab.shared.pki.CertificateRequest;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.KeyPairs;
import dev.confab.shared.pki.TlsMaterial;
import dev.confab.shared.testing.Await;
import dev.confab.shared.testing.PrometheusText;
import dev.confab.shared.wire.NodeChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A configured Conferencing Node serves {@code /metrics} on its node-to-node listener (mutual TLS) to
 * certificates the platform's CA issued for metrics, refuses other certificates of the platform with
 * 403 and a client without one at the handshake, and counts the client API's admissions by result.
 * The node talks to the Management Node over HTTP/2.
 */
@Timeout(60)
class NodeMetricsIT {

    static final String ADDRESS = "127.0.1.63";

    @RegisterExtension
    static final InProcessPlatform platform = new InProcessPlatform();

    @Test
    void servesItsMetricsToAMetricsCertificateOnItsNodePortOnly() throws Exception {
        Path data = platform.directory().resolve("node");
        Path root = Files.createDirectories(platform.directory().resolve("root"));
        ConferencingConfig config = ConferencingConfig.defaults(data, root, ADDRESS).withProvisioningPort(0)
                .withAdmission(new AdmissionConfig(0, 0, AdmissionConfig.DEFAULT_TOKEN_LIFETIME));
        InProcessPlatform.AddedNode added = platform.addNode("metrics-cn", ADDRESS);
        ConferencingAgent unconfigured = ConferencingAgent.create(config, () -> { }).start();
        try {
            NodeUploadClient.Answer answer = new NodeUploadClient(ADDRESS, unconfigured.provisioningPort(),
                    unconfigured.data().provisioningCertificate()).upload(added.file().name(), added.file().content());
            assertEquals(200, answer.status(), answer.body());
        } finally {
            unconfigured.stop();
        }
        ConferencingAgent node = ConferencingAgent.create(config, () -> { }).start();
        try {
            int nodePort = node.admission().orElseThrow().nodePort();
            int clientApiPort = node.admission().orElseThrow().clientApiPort();
            URI metrics = URI.create("https://" + ADDRESS + ":" + nodePort + NodeChannel.METRICS);
            // a call to an alias no room has: refused, and counted as such
            HttpResponse<String> refused = HttpClient.newBuilder().sslContext(TlsMaterial.clientContext(ca(), null))
                    .build().send(HttpRequest.newBuilder(URI.create("https://" + ADDRESS + ":" + clientApiPort
                            + "/api/client/v2/conferences/nobody@example.com/request_token")).POST(
                            HttpRequest.BodyPublishers.ofString("{\"display_name\": \"Alice\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(404, refused.statusCode(), refused.body());

            HttpResponse<String> served = client(NodeChannel.METRICS_COMMON_NAME).send(
                    HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, served.statusCode(), served.body());
            assertTrue(served.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            PrometheusText scraped = PrometheusText.parse(served.body());
            assertEquals(1, scraped.sum("confab_admissions_total", Map.of("result", "not_found")));
            assertEquals(0, scraped.sum("confab_admissions_total", Map.of("result", "admitted")));
            for (String name : List.of("confab_node_calls", "confab_node_capacity_hd_calls",
                    "confab_node_media_load_hd_calls", "confab_node_configuration_revision", "jvm_memory_used_bytes")) {
                assertTrue(scraped.has(name), name + " in " + scraped.names());
            }
            // the replica's revision once it has one
            HttpClient scraper = client(NodeChannel.METRICS_COMMON_NAME);
            double revision = Await.atMost(Duration.ofSeconds(20)).every(Duration.ofMillis(100))
                    .until("the replica's revision", () -> {
                        double held = PrometheusText.parse(scraper.send(HttpRequest.newBuilder(metrics).build(),
                                HttpResponse.BodyHandlers.ofString()).body()).sum("confab_node_configuration_revision");
                        return held > 0 ? held : null;
                    });
            assertEquals(platform.management().replication().current().revision(), revision);
            // the node's heartbeats and long-poll go over HTTP/2 (its enrolment's connection may still be open too)
            assertEquals(0, platform.management().nodes().channel().openConnections("http/1.1"));
            assertTrue(platform.management().nodes().channel().openConnections("h2") >= 1);

            HttpResponse<String> anotherNode = client("other-cn.vc.example.com").send(
                    HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, anotherNode.statusCode(), anotherNode.body());
            HttpClient withoutCertificate = HttpClient.newBuilder()
                    .sslContext(TlsMaterial.clientContext(ca(), null)).build();
            assertThrows(IOException.class, () -> withoutCertificate.send(HttpRequest.newBuilder(metrics).build(),
                    HttpResponse.BodyHandlers.ofString()));
        } finally {
            node.stop();
        }
    }

    private static java.security.cert.X509Certificate ca() {
        return platform.management().nodes().authority().certificate();
    }

    /** A client presenting a certificate the platform's CA issued to {@code commonName}. */
    private static HttpClient client(String commonName) {
        KeyPair keys = KeyPairs.ecP256();
        IssuedCertificate certificate = new IssuedCertificate(platform.management().nodes().authority().issue(
                CertificateRequest.create(keys, commonName, List.of()).pem(), commonName, List.of(),
                Duration.ofDays(1)), keys.getPrivate());
        return HttpClient.newBuilder().sslContext(TlsMaterial.clientContext(ca(), certificate)).build();
    }
}
