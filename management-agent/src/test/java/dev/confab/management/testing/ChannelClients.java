package dev.confab.management.testing;

import dev.confab.shared.capacity.Capacity;
import dev.confab.shared.nodeconfig.NodeConfig;
import dev.confab.shared.nodeconfig.NodeConfigReader;
import dev.confab.shared.pki.CertificateRequest;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.KeyPairs;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.TlsMaterial;
import dev.confab.shared.wire.EnrolRequest;
import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.NodeChannel;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Conferencing Nodes on a {@link RunningNode}'s node channel, played by the test the way an agent plays one. */
public final class ChannelClients {

    private ChannelClients() {
    }

    /**
     * Adds a node in {@code location} through the API (its static NAT address 127.0.0.1, where the test
     * calls from) and enrols it with its file's token, returning its key and certificate.
     */
    public static IssuedCertificate enrolled(RunningNode node, String location, String name, String address)
            throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "hostname", name,
                "domain", "vc.example.com", "address", address, "netmask", "255.255.255.0", "gateway", "10.20.0.1",
                "system_location", location, "deployment_type", "MANUAL-PROVISION-ONLY", "password", "ssh-Secret-1"));
        // the test calls from 127.0.0.1, as a node behind static NAT would from its NAT address
        body.put("static_nat_address", "127.0.0.1");
        RunningNode.Response file = node.send("POST", "/api/admin/configuration/v1/worker_vm/", body,
                RunningNode.basic(RunningNode.USER, RunningNode.PASSWORD), "*/*");
        NodeConfig config = new NodeConfigReader(Clock.systemUTC()).read(file.text().getBytes(StandardCharsets.UTF_8));
        KeyPair keys = KeyPairs.ecP256();
        String csr = CertificateRequest.create(keys, name, List.of()).pem();
        HttpClient pinned = HttpClient.newBuilder()
                .sslContext(TlsMaterial.pinnedClientContext(config.managementNode().caFingerprintSha256())).build();
        HttpResponse<String> answer = pinned.send(HttpRequest.newBuilder(uri(node, NodeChannel.ENROL))
                .POST(HttpRequest.BodyPublishers.ofString(NodeChannel.json().writeValueAsString(
                        new EnrolRequest(config.enrolment().token(), csr)))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        String certificate = NodeChannel.json().readTree(answer.body()).get("certificate").asText();
        return new IssuedCertificate(Pem.readCertificates(certificate).get(0), keys.getPrivate());
    }

    /** {@code path} on the node channel. */
    public static URI uri(RunningNode node, String path) {
        return URI.create("https://127.0.0.1:" + node.agent().nodePort() + path);
    }

    /** A client of the node channel presenting {@code identity} (none when null). */
    public static HttpClient client(RunningNode node, IssuedCertificate identity) {
        return HttpClient.newBuilder().sslContext(TlsMaterial.clientContext(
                node.agent().nodes().authority().certificate(), identity)).build();
    }

    /** An idle node's heartbeat, holding {@code appliedRevision}, as {@code identity}. */
    public static HttpResponse<String> heartbeat(RunningNode node, IssuedCertificate identity, long appliedRevision)
            throws Exception {
        Heartbeat heartbeat = new Heartbeat("test", "2026-11-25T10:00:00Z", appliedRevision, Capacity.ofCpus(4),
                Heartbeat.Load.idle(), false, 4, 8192);
        return client(node, identity).send(HttpRequest.newBuilder(uri(node, NodeChannel.HEARTBEAT)).POST(
                HttpRequest.BodyPublishers.ofByteArray(NodeChannel.json().writeValueAsBytes(heartbeat))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
