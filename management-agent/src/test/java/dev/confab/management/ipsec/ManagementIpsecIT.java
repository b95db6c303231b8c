package dev.confab.management.ipsec;

import dev.confab.management.testing.Await;
import dev.confab.management.testing.RunningNode;
import dev.confab.shared.internal.SecureFiles;
import dev.confab.shared.nodeconfig.NodeConfig;
import dev.confab.shared.nodeconfig.NodeConfigReader;
import dev.confab.shared.pki.CertificateInfo;
import dev.confab.shared.pki.CertificateRequest;
import dev.confab.shared.pki.KeyPairs;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.TlsMaterial;
import dev.confab.shared.wire.EnrolRequest;
import dev.confab.shared.wire.NodeChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Management Node's side of the IPsec mesh follows enrolments and deletions. */
class ManagementIpsecIT {

    private static final String CONFIG = "/api/admin/configuration/v1/";

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    @Test
    void rendersATunnelToEachEnrolledNodeOnlyAndDropsItWhenTheNodeIsDeleted() throws Exception {
        // Given a location with two nodes, only one of which enrols
        String location = node.post(CONFIG + "system_location/", Map.of("name", "Leeds")).body()
                .get("resource_uri").asText();
        RunningNode.Response enrolled = addNode("lds-cn1", "10.30.0.11", location);
        addNode("lds-cn2", "10.30.0.12", location);
        NodeConfig config = new NodeConfigReader(Clock.systemUTC())
                .read(enrolled.text().getBytes(StandardCharsets.UTF_8));

        // When the first enrols
        assertEquals(200, enrol(config).statusCode());

        // Then the Management Node keeps a tunnel to it and none to the node still to enrol
        String conf = awaitConf(text -> text.contains("remote_addrs = 10.30.0.11"));
        assertFalse(conf.contains("10.30.0.12"), conf);
        assertTrue(conf.contains("local_addrs = 127.0.0.1\n"), conf);

        // And when it is deleted, its tunnel goes
        String path = URI.create(enrolled.raw().headers().firstValue("Location").orElseThrow()).getPath();
        assertEquals(204, node.delete(path).status());
        awaitConf(text -> !text.contains("10.30.0.11"));
    }

    @Test
    void followsAnEnrolledNodesNewAddressButNotItsOtherEdits() throws Exception {
        // Given an enrolled node with a tunnel
        String location = node.post(CONFIG + "system_location/", Map.of("name", "York")).body()
                .get("resource_uri").asText();
        RunningNode.Response enrolled = addNode("yrk-cn1", "10.30.0.31", location);
        assertEquals(200, enrol(new NodeConfigReader(Clock.systemUTC())
                .read(enrolled.text().getBytes(StandardCharsets.UTF_8))).statusCode());
        awaitConf(text -> text.contains("remote_addrs = 10.30.0.31"));
        String path = URI.create(enrolled.raw().headers().firstValue("Location").orElseThrow()).getPath();

        // When its description changes (read as one row, the mesh as it was), then its address
        assertEquals(200, node.patch(path, Map.of("description", "rack 4")).status());
        assertEquals(200, node.patch(path, Map.of("address", "10.30.0.41")).status());

        // Then its tunnel goes to the new address
        String conf = awaitConf(text -> text.contains("remote_addrs = 10.30.0.41"));
        assertFalse(conf.contains("10.30.0.31"), conf);
    }

    @Test
    void authenticatesWithACertificateFromItsCaForItsAddressWhoseKeyIsKeptOnlyWhereCharonReadsIt() throws Exception {
        Path ipsec = node.data().resolve("ipsec");

        X509Certificate certificate = Pem.readCertificates(
                Files.readString(ipsec.resolve("swanctl/x509/node.crt"))).get(0);

        certificate.verify(node.agent().nodes().authority().certificate().getPublicKey());
        assertEquals(List.of("127.0.0.1"), CertificateInfo.of(certificate).subjectAltNames());
        assertEquals(node.agent().nodes().authority().certificate(),
                Pem.readCertificates(Files.readString(ipsec.resolve("swanctl/x509ca/ca.crt"))).get(0));
        assertTrue(SecureFiles.isOwnerOnly(ipsec.resolve("swanctl/private/node.key")));
        assertFalse(Files.exists(ipsec.resolve("ipsec.key.enc")), "no sealed copy beside the one charon reads");
        assertEquals(certificate, Pem.readCertificates(Files.readString(ipsec.resolve("ipsec.crt"))).get(0));
    }

    private static RunningNode.Response addNode(String name, String address, String location) {
        // the test enrols from 127.0.0.1, as a node behind static NAT would from its NAT address
        Map<String, Object> body = Map.of("name", name, "hostname", name, "domain", "vc.example.com",
                "address", address, "netmask", "255.255.255.0", "gateway", "10.30.0.1", "system_location", location,
                "deployment_type", "MANUAL-PROVISION-ONLY", "password", "ssh-Secret-1", "static_nat_address", "127.0.0.1");
        RunningNode.Response created = node.send("POST", CONFIG + "worker_vm/", body,
                RunningNode.basic(RunningNode.USER, RunningNode.PASSWORD), "*/*");
        assertEquals(201, created.status(), created.text());
        return created;
    }

    private static HttpResponse<String> enrol(NodeConfig config) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(TlsMaterial.pinnedClientContext(config.managementNode().caFingerprintSha256())).build();
        String csr = CertificateRequest.create(KeyPairs.ecP256(), "node", List.of()).pem();
        String body = NodeChannel.json().writeValueAsString(new EnrolRequest(config.enrolment().token(), csr));
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + node.agent().nodePort()
                        + NodeChannel.ENROL)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The rendered swanctl.conf once it satisfies {@code condition}; it is written in the background. */
    private static String awaitConf(Predicate<String> condition) throws Exception {
        Path file = node.data().resolve("ipsec/swanctl/swanctl.conf");
        return Await.until(Duration.ofSeconds(10), () -> Files.exists(file) ? Files.readString(file) : "", condition);
    }
}
