package dev.confab.management.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.testing.RunningNode;
import dev.confab.management.testing.SettableClock;
import dev.confab.shared.nodeconfig.NodeConfig;
import dev.confab.shared.nodeconfig.NodeConfigReader;
import dev.confab.shared.pki.CertificateInfo;
import dev.confab.shared.pki.CertificateRequest;
import dev.confab.shared.pki.KeyPairs;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.TlsMaterial;
import dev.confab.shared.wire.EnrolRequest;
import dev.confab.shared.wire.NodeChannel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guide's configuration-only deployment, Management Node side: file, token, enrolment, revocation. */
class NodeProvisioningIT {

    static final String CONFIG = "/api/admin/configuration/v1/";
    static final SettableClock CLOCK = new SettableClock(Instant.now());

    @RegisterExtension
    static final RunningNode node = new RunningNode(CLOCK);
    private static String location;

    @BeforeAll
    static void addLocation() {
        location = node.post(CONFIG + "system_location/", Map.of("name", "Frankfurt")).body()
                .get("resource_uri").asText();
    }

    private static Map<String, Object> genericNode(String name, String address) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("hostname", name);
        body.put("domain", "vc.example.com");
        body.put("address", address);
        body.put("netmask", "255.255.255.0");
        body.put("gateway", "10.20.0.1");
        body.put("system_location", location);
        body.put("deployment_type", "MANUAL-PROVISION-ONLY");
        body.put("password", "ssh-Secret-1");
        // the test enrols from 127.0.0.1, as a node behind static NAT would from its NAT address
        body.put("static_nat_address", "127.0.0.1");
        return body;
    }

    /** Adds a generic node as a script using the reference API would, and returns its file. */
    static RunningNode.Response addNode(String name, String address) {
        RunningNode.Response created = node.send("POST", CONFIG + "worker_vm/", genericNode(name, address),
                RunningNode.basic(RunningNode.USER, RunningNode.PASSWORD), "*/*");
        assertEquals(201, created.status(), created.text());
        return created;
    }

    static NodeConfig read(RunningNode.Response file) {
        return new NodeConfigReader(CLOCK).read(file.text().getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> enrol(String token, String caFingerprint) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(TlsMaterial.pinnedClientContext(caFingerprint)).build();
        String csr = CertificateRequest.create(KeyPairs.ecP256(), "node", List.of()).pem();
        String body = NodeChannel.json().writeValueAsString(new EnrolRequest(token, csr));
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + node.agent().nodePort()
                        + NodeChannel.ENROL)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode detail(RunningNode.Response created) {
        return node.get(URI.create(created.raw().headers().firstValue("Location").orElseThrow()).getPath()).body();
    }

    @Test
    void answersAGenericNodeWithItsConfigurationFileAsAnAttachment() throws Exception {
        RunningNode.Response created = addNode("fra-cn1", "10.20.0.11");

        assertEquals("attachment; filename=\"pexip-fra-cn1.vc.example.com.xml\"",
                created.raw().headers().firstValue("Content-Disposition").orElseThrow());
        NodeConfig config = read(created);
        assertEquals("10.20.0.11", config.node().ipv4Address());
        assertEquals(node.agent().nodes().authority().fingerprintSha256(), config.managementNode().caFingerprintSha256());
        assertEquals(node.agent().nodePort(), config.managementNode().nodePort());
        assertTrue(config.adminPasswordHash().startsWith("$6$"));
        assertEquals(Duration.ofHours(24), Duration.between(config.enrolment().created(), config.enrolment().expires()));
        assertFalse(created.text().contains("PRIVATE KEY"), "no private key in the file");
        assertFalse(created.text().contains("ssh-Secret-1"), "no plain password in the file");
        node.agent().store().write(handle -> handle.execute("PRAGMA wal_checkpoint(FULL)"));
        String database = new String(Files.readAllBytes(node.data().resolve("confab.db")), StandardCharsets.ISO_8859_1);
        assertFalse(database.contains(config.enrolment().token()), "only the token's hash is stored");
    }

    @Test
    void aClientThatAcceptsOnlyJsonGetsTheObject() {
        RunningNode.Response created = node.send("POST", CONFIG + "worker_vm/", genericNode("fra-cn2", "10.20.0.12"),
                RunningNode.basic(RunningNode.USER, RunningNode.PASSWORD), "application/json");

        assertEquals(201, created.status());
        assertEquals("NOT_ENROLLED", created.body().get("enrolment_status").asText());
    }

    @Test
    void enrolsOnceWithTheFilesTokenAndListsTheNodeAsEnrolled() throws Exception {
        RunningNode.Response created = addNode("fra-cn3", "10.20.0.13");
        NodeConfig config = read(created);

        HttpResponse<String> enrolled = enrol(config.enrolment().token(), config.managementNode().caFingerprintSha256());

        assertEquals(200, enrolled.statusCode(), enrolled.body());
        JsonNode answer = NodeChannel.json().readTree(enrolled.body());
        X509Certificate certificate = Pem.readCertificates(answer.get("certificate").asText()).get(0);
        certificate.verify(node.agent().nodes().authority().certificate().getPublicKey());
        assertEquals(List.of("fra-cn3.vc.example.com", "10.20.0.13"), CertificateInfo.of(certificate).subjectAltNames());
        JsonNode listed = detail(created);
        assertEquals("ENROLLED", listed.get("enrolment_status").asText());
        assertEquals(certificate.getSerialNumber().toString(16), listed.get("certificate_serial").asText());

        CLOCK.advance(Duration.ofMinutes(1)); // refusals are summed per address and minute: start a minute
        HttpResponse<String> replayed = enrol(config.enrolment().token(), config.managementNode().caFingerprintSha256());
        assertEquals(403, replayed.statusCode());
        assertTrue(replayed.body().contains("already used"), replayed.body());
        CLOCK.advance(Duration.ofMinutes(1));
        node.awaitAdminLog("action=enrol_refused", "already used");
    }

    @Test
    void aNewFileReplacesTheNodesEarlierToken() throws Exception {
        RunningNode.Response created = addNode("fra-cn4", "10.20.0.14");
        NodeConfig first = read(created);
        long id = detail(created).get("id").asLong();

        node.agent().nodes().files().create(id, dev.confab.management.adminlog.Actor.system("test"));

        HttpResponse<String> refused = enrol(first.enrolment().token(), first.managementNode().caFingerprintSha256());
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("replaced by a newer configuration file"), refused.body());
    }

    @Test
    void refusesAnExpiredOrUnknownToken() throws Exception {
        NodeConfig config = read(addNode("fra-cn5", "10.20.0.15"));
        String fingerprint = config.managementNode().caFingerprintSha256();

        CLOCK.advance(Duration.ofHours(24));
        try {
            HttpResponse<String> expired = enrol(config.enrolment().token(), fingerprint);
            assertEquals(403, expired.statusCode());
            assertTrue(expired.body().contains("expired"), expired.body());
        } finally {
            CLOCK.advance(Duration.ofHours(-24));
        }
        HttpResponse<String> unknown = enrol("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", fingerprint);
        assertEquals(403, unknown.statusCode());
        assertTrue(unknown.body().contains("unknown"), unknown.body());
    }

    @Test
    void refusesTheTokenOfADeletedNodeAndRevokesTheCertificateOfOne() throws Exception {
        RunningNode.Response enrolledNode = addNode("fra-cn6", "10.20.0.16");
        NodeConfig enrolledConfig = read(enrolledNode);
        HttpResponse<String> enrolled = enrol(enrolledConfig.enrolment().token(),
                enrolledConfig.managementNode().caFingerprintSha256());
        RunningNode.Response pendingNode = addNode("fra-cn7", "10.20.0.17");
        NodeConfig pending = read(pendingNode);

        assertEquals(204, node.delete(URI.create(pendingNode.raw().headers().firstValue("Location").orElseThrow()).getPath()).status());
        assertEquals(204, node.delete(URI.create(enrolledNode.raw().headers().firstValue("Location").orElseThrow()).getPath()).status());

        HttpResponse<String> refused = enrol(pending.enrolment().token(), pending.managementNode().caFingerprintSha256());
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("has been deleted"), refused.body());
        BigInteger serial = Pem.readCertificates(NodeChannel.json().readTree(enrolled.body()).get("certificate").asText())
                .get(0).getSerialNumber();
        assertTrue(node.agent().nodes().authority().isRevoked(serial));
        assertTrue(Files.readString(node.data().resolve("pki/revoked.txt")).contains(serial.toString(16)));
    }

    @Test
    void refusesAnEnrolmentFromAnotherAddressThanTheNodesAndKeepsItsToken() throws Exception {
        Map<String, Object> body = genericNode("fra-cn8", "10.20.0.18");
        body.remove("static_nat_address");
        RunningNode.Response created = node.send("POST", CONFIG + "worker_vm/", body,
                RunningNode.basic(RunningNode.USER, RunningNode.PASSWORD), "*/*");
        assertEquals(201, created.status(), created.text());
        NodeConfig config = read(created);
        CLOCK.advance(Duration.ofMinutes(1)); // refusals are summed per address and minute: start a minute

        HttpResponse<String> refused = enrol(config.enrolment().token(), config.managementNode().caFingerprintSha256());

        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("This node's configured address is 10.20.0.18; the request came from"
                + " 127.0.0.1: upload the file on the host with that address, or correct the node's address."),
                refused.body());
        assertEquals("NOT_ENROLLED", detail(created).get("enrolment_status").asText());
        CLOCK.advance(Duration.ofMinutes(1));
        node.awaitAdminLog("action=enrol_refused", "configured address is 10.20.0.18");
        // once the node's addresses say where it calls from, the same file enrols: the token was not used
        String path = URI.create(created.raw().headers().firstValue("Location").orElseThrow()).getPath();
        assertEquals(200, node.patch(path, Map.of("static_nat_address", "127.0.0.1")).status());
        HttpResponse<String> enrolled = enrol(config.enrolment().token(), config.managementNode().caFingerprintSha256());
        assertEquals(200, enrolled.statusCode(), enrolled.body());
    }
}
