package dev.confab.management.channel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.testing.AlwaysPresent;
import dev.confab.management.testing.Await;
import dev.confab.management.testing.ChannelClients;
import dev.confab.management.testing.RunningNode;
import dev.confab.management.testing.ReportingNode;
import dev.confab.shared.capacity.Capacity;
import dev.confab.shared.nodeconfig.NodeConfig;
import dev.confab.shared.pki.CertificateAuthority;
import dev.confab.shared.pki.CertificateRequest;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.KeyPairs;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.TlsMaterial;
import dev.confab.shared.wire.EnrolRequest;
import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.HeartbeatAnswer;
import dev.confab.shared.wire.NodeChannel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node channel's mutual TLS: an enrolled certificate is served; none, a foreign or a revoked one
 * is refused, and one from the CA that no record holds is refused as unknown.
 */
class NodeChannelIT {

    @RegisterExtension
    static final RunningNode node = new RunningNode();
    private static String location;

    @BeforeAll
    static void addLocation() {
        location = node.post("/api/admin/configuration/v1/system_location/", Map.of("name", "Frankfurt")).body()
                .get("resource_uri").asText();
    }

    /** Adds and enrols a node the way an agent does, returning its key and certificate. */
    private static IssuedCertificate enrolled(String name, String address) throws Exception {
        return ReportingNode.enrol(node, name, address, location, Map.of()).identity();
    }

    private static URI uri(String path) {
        return ChannelClients.uri(node, path);
    }

    private static HttpResponse<String> heartbeat(IssuedCertificate identity) throws Exception {
        return ChannelClients.heartbeat(node, identity, 0);
    }

    @Test
    void anEnrolledNodeIsAnsweredWithTheIntervalAndItsConfiguration() throws Exception {
        IssuedCertificate identity = enrolled("fra-cn20", "10.20.0.20");
        HttpResponse<String> answer = heartbeat(identity);
        assertEquals(200, answer.statusCode(), answer.body());
        HeartbeatAnswer parsed = NodeChannel.json().readValue(answer.body(), HeartbeatAnswer.class);
        assertEquals(Duration.ofSeconds(10).toMillis(), parsed.intervalMillis());
        assertTrue(parsed.latestRevision() > 0);

        HttpClient client = HttpClient.newBuilder().sslContext(TlsMaterial.clientContext(
                node.agent().nodes().authority().certificate(), identity)).build();
        // replication rebuilds start at least 200 ms apart: the node's own revision may still be on its way
        JsonNode update = Await.until(Duration.ofSeconds(5), () -> {
            HttpResponse<String> snapshot = client.send(HttpRequest.newBuilder(uri(NodeChannel.CONFIG + "?since=-1"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, snapshot.statusCode(), snapshot.body());
            return NodeChannel.json().readTree(snapshot.body());
        }, polled -> polled.get("upserts").get("worker_vm").toString().contains("fra-cn20"));
        assertTrue(update.get("snapshot").asBoolean());
        assertTrue(update.get("upserts").get("worker_vm").toString().contains("fra-cn20"), update.toString());
        for (String credential : new String[] {"aws_access_key", "aws_secret_key", "azure_client_id", "azure_secret",
                "azure_subscription_id", "azure_tenant", "gcp_client_email", "gcp_private_key", "gcp_project_id"}) {
            assertFalse(update.get("upserts").get("global").get(0).has(credential), "no cloud credential: " + credential);
        }
    }

    @Test
    void aNodeAskingForGzipIsSentTheSameConfigurationCompressed() throws Exception {
        IssuedCertificate identity = enrolled("fra-cn26", "10.20.0.26");
        assertEquals(200, heartbeat(identity).statusCode());
        HttpClient client = HttpClient.newBuilder().sslContext(TlsMaterial.clientContext(
                node.agent().nodes().authority().certificate(), identity)).build();
        HttpRequest.Builder snapshot = HttpRequest.newBuilder(uri(NodeChannel.CONFIG + "?since=-1"));

        HttpResponse<byte[]> zipped = client.send(snapshot.copy().header("Accept-Encoding", "br, gzip;q=0.8").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> plain = client.send(snapshot.copy().build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> refused = client.send(snapshot.copy().header("Accept-Encoding", "gzip;q=0").build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, zipped.statusCode());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse("none"));
        byte[] unzipped;
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(zipped.body()))) {
            unzipped = in.readAllBytes();
        }
        assertTrue(zipped.body().length * 3 < unzipped.length, zipped.body().length + " bytes zipped of "
                + unzipped.length);
        assertEquals(NodeChannel.json().readTree(plain.body()), NodeChannel.json().readTree(unzipped));
        assertEquals("none", plain.headers().firstValue("Content-Encoding").orElse("none"));
        assertEquals("none", refused.headers().firstValue("Content-Encoding").orElse("none"));
        assertEquals(NodeChannel.json().readTree(plain.body()), NodeChannel.json().readTree(refused.body()));
    }

    @Test
    void aHeartbeatThatIsNotJsonOrAPollWithoutARevisionIsRefusedWithWhatIsWrong() throws Exception {
        IssuedCertificate identity = enrolled("fra-cn27", "10.20.0.27");
        HttpClient client = HttpClient.newBuilder().sslContext(TlsMaterial.clientContext(
                node.agent().nodes().authority().certificate(), identity)).build();
        HttpRequest.Builder post = HttpRequest.newBuilder(uri(NodeChannel.HEARTBEAT))
                .header("Content-Type", "application/json");

        HttpResponse<String> garbled = client.send(post.copy().POST(HttpRequest.BodyPublishers.ofString("{\"load\":"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> badSince = client.send(HttpRequest.newBuilder(uri(NodeChannel.CONFIG + "?since=latest"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(400, garbled.statusCode(), garbled.body());
        assertTrue(NodeChannel.json().readTree(garbled.body()).get("error").asText()
                .startsWith("The request body is not valid JSON: "), garbled.body());
        assertEquals(400, badSince.statusCode(), badSince.body());
        assertEquals("since must be the revision the node holds, a whole number (or -1 for a snapshot).",
                NodeChannel.json().readTree(badSince.body()).get("error").asText());
        // the node is still served afterwards: nothing of the refused requests was kept
        assertEquals(200, heartbeat(identity).statusCode());
    }

    @Test
    void otherRequestsGoOnToTheJavalinRoutes() throws Exception {
        IssuedCertificate identity = enrolled("fra-cn28", "10.20.0.28");
        HttpClient client = HttpClient.newBuilder().sslContext(TlsMaterial.clientContext(
                node.agent().nodes().authority().certificate(), identity)).build();

        HttpResponse<String> participants = client.send(HttpRequest.newBuilder(uri(NodeChannel.PARTICIPANTS
                + "?" + NodeChannel.CONFERENCE + "=nobody")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> heartbeatByGet = client.send(HttpRequest.newBuilder(uri(NodeChannel.HEARTBEAT)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, participants.statusCode(), participants.body());
        assertEquals(404, heartbeatByGet.statusCode(), heartbeatByGet.body());
    }

    @Test
    void aRequestWithoutACertificateIsRefused() throws Exception {
        HttpResponse<String> answer = heartbeat(null);
        assertEquals(401, answer.statusCode(), answer.body());
    }

    @Test
    void aCertificateFromAnotherAuthorityIsRefused() throws Exception {
        CertificateAuthority foreign = CertificateAuthority.create("Another CA", Clock.systemUTC());
        KeyPair keys = KeyPairs.ecP256();
        IssuedCertificate impostor = new IssuedCertificate(foreign.issue(CertificateRequest.create(keys, "x",
                List.of()).pem(), "fra-cn20.vc.example.com", List.of("fra-cn20.vc.example.com"), Duration.ofDays(1)),
                keys.getPrivate());
        // an ordinary client offers no certificate the server's CA did not issue: refused as one without
        HttpClient ordinary = HttpClient.newBuilder().sslContext(TlsMaterial.clientContext(
                node.agent().nodes().authority().certificate(), impostor)).build();
        assertEquals(401, ordinary.send(HttpRequest.newBuilder(uri(NodeChannel.HEARTBEAT)).POST(
                HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        // one that presents it anyway fails the handshake
        HttpClient presenting = HttpClient.newBuilder().sslContext(AlwaysPresent.context(impostor,
                node.agent().nodes().authority().certificate())).build();
        assertThrows(IOException.class, () -> presenting.send(HttpRequest.newBuilder(uri(NodeChannel.HEARTBEAT))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void aDeletedNodesRevokedCertificateIsRefused() throws Exception {
        IssuedCertificate identity = enrolled("fra-cn21", "10.20.0.21");
        assertEquals(200, heartbeat(identity).statusCode());
        JsonNode listed = node.get("/api/admin/configuration/v1/worker_vm/?name=fra-cn21").body().get("objects").get(0);
        assertEquals(204, node.delete(listed.get("resource_uri").asText()).status());
        HttpResponse<String> refused = heartbeat(identity);
        assertEquals(403, refused.statusCode(), refused.body());
        JsonNode body = NodeChannel.json().readTree(refused.body());
        assertEquals(NodeChannel.REVOKED, body.get(NodeChannel.REFUSAL).asText(), refused.body());
        assertTrue(body.get("error").asText().contains("revoked"), refused.body());
    }

    @Test
    void aCertificateFromTheAuthorityThatNoRecordHoldsIsRefusedAsUnknown() throws Exception {
        // as after restoring the Management Node from a backup taken before the node enrolled
        KeyPair keys = KeyPairs.ecP256();
        IssuedCertificate forgotten = new IssuedCertificate(node.agent().nodes().authority().issue(
                CertificateRequest.create(keys, "fra-cn22.vc.example.com", List.of()).pem(), "fra-cn22.vc.example.com",
                List.of("fra-cn22.vc.example.com"), Duration.ofDays(1)), keys.getPrivate());

        HttpResponse<String> refused = heartbeat(forgotten);

        assertEquals(403, refused.statusCode(), refused.body());
        JsonNode body = NodeChannel.json().readTree(refused.body());
        assertEquals(NodeChannel.UNKNOWN, body.get(NodeChannel.REFUSAL).asText(), refused.body());
        assertTrue(body.get("error").asText().contains("may enrol again"), refused.body());
        // a request without a certificate is not a node the Management Node could know or not
        assertFalse(NodeChannel.json().readTree(heartbeat(null).body()).has(NodeChannel.REFUSAL));
    }

    @Test
    void aRequestFromAnotherAddressThanTheNodesIsRefused() throws Exception {
        IssuedCertificate identity = enrolled("fra-cn23", "10.20.0.23");
        assertEquals(200, heartbeat(identity).statusCode());
        JsonNode listed = node.get("/api/admin/configuration/v1/worker_vm/?name=fra-cn23").body().get("objects").get(0);

        // the node's addresses are read again after the change: 127.0.0.1 is no longer one of them
        assertEquals(200, node.patch(listed.get("resource_uri").asText(), Map.of("static_nat_address", "192.0.2.99"))
                .status());
        HttpResponse<String> refused = heartbeat(identity);

        assertEquals(403, refused.statusCode(), refused.body());
        JsonNode body = NodeChannel.json().readTree(refused.body());
        assertEquals("This node's configured address is 10.20.0.23 (static NAT address 192.0.2.99); the request came"
                + " from 127.0.0.1: upload the file on the host with that address, or correct the node's address.",
                body.get("error").asText());
        assertFalse(body.has(NodeChannel.REFUSAL), "neither unknown nor revoked: " + refused.body());
    }

    @Test
    void aWaitingPollIsSentAnotherNodesEnrolmentAtTheSameRevision() throws Exception {
        IssuedCertificate identity = enrolled("fra-cn24", "10.20.0.24");
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "fra-cn25", "hostname", "fra-cn25",
                "domain", "vc.example.com", "address", "10.20.0.25", "netmask", "255.255.255.0", "gateway", "10.20.0.1",
                "system_location", location, "deployment_type", "MANUAL-PROVISION-ONLY", "password", "ssh-Secret-1",
                "static_nat_address", "127.0.0.1"));
        RunningNode.Response file = node.send("POST", "/api/admin/configuration/v1/worker_vm/", body,
                RunningNode.basic(RunningNode.USER, RunningNode.PASSWORD), "*/*");
        NodeConfig other = new dev.confab.shared.nodeconfig.NodeConfigReader(Clock.systemUTC())
                .read(file.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newBuilder().sslContext(TlsMaterial.clientContext(
                node.agent().nodes().authority().certificate(), identity)).build();
        dev.confab.shared.wire.ConfigUpdate held = Await.until(Duration.ofSeconds(5), () -> NodeChannel.json()
                .readValue(client.send(HttpRequest.newBuilder(uri(NodeChannel.CONFIG + "?since=-1")).build(),
                        HttpResponse.BodyHandlers.ofString()).body(), dev.confab.shared.wire.ConfigUpdate.class),
                update -> update.upserts().get("worker_vm").toString().contains("fra-cn25"));
        dev.confab.shared.wire.ReplicatedConfig replica = dev.confab.shared.wire.ReplicatedConfig.empty().apply(held);
        assertEquals(List.of(false), enrolledFlags(replica, "fra-cn25"));
        java.util.concurrent.CompletableFuture<HttpResponse<String>> waiting = client.sendAsync(HttpRequest.newBuilder(
                uri(NodeChannel.CONFIG + "?since=" + held.revision())).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300); // the poll waits at the newest revision

        HttpResponse<String> enrolment = HttpClient.newBuilder()
                .sslContext(TlsMaterial.pinnedClientContext(other.managementNode().caFingerprintSha256())).build()
                .send(HttpRequest.newBuilder(uri(NodeChannel.ENROL)).POST(HttpRequest.BodyPublishers.ofString(
                        NodeChannel.json().writeValueAsString(new EnrolRequest(other.enrolment().token(),
                                CertificateRequest.create(KeyPairs.ecP256(), "fra-cn25", List.of()).pem()))))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, enrolment.statusCode(), enrolment.body());

        // well before the 25 s poll timeout: the enrolment is no revision, but the replica changes
        dev.confab.shared.wire.ConfigUpdate answer = NodeChannel.json().readValue(
                waiting.get(5, java.util.concurrent.TimeUnit.SECONDS).body(), dev.confab.shared.wire.ConfigUpdate.class);
        assertEquals(held.revision(), answer.revision());
        dev.confab.shared.wire.ReplicatedConfig updated = replica.apply(answer);
        assertEquals(List.of(true), enrolledFlags(updated, "fra-cn25"));
        assertEquals(answer.checksum(), updated.checksum(), "both ends hash the same content");
        assertEquals(node.agent().replication().current().checksum(), updated.checksum());
    }

    private static List<Object> enrolledFlags(dev.confab.shared.wire.ReplicatedConfig replica, String name) {
        return replica.objects("worker_vm").stream().filter(object -> name.equals(object.get("name")))
                .map(object -> object.get(dev.confab.shared.wire.ReplicatedConfig.ENROLLED)).toList();
    }
}
