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

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A Conferencing Node as the node channel sees it, without its agent: added through the API,
 * enrolled with the token of its configuration file, then sending heartbeats the test writes.
 * It calls from 127.0.0.1, as a node behind static NAT would from its NAT address.
 */
public final class ReportingNode {

    private final RunningNode management;
    private final IssuedCertificate identity;

    private ReportingNode(RunningNode management, IssuedCertificate identity) {
        this.management = management;
        this.identity = identity;
    }

    /**
     * Adds node {@code name} at {@code address} in the location {@code locationUri} with the extra
     * {@code fields}, and enrols it.
     */
    public static ReportingNode enrol(RunningNode management, String name, String address, String locationUri,
                                      Map<String, Object> fields) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "hostname", name,
                "domain", "vc.example.com", "address", address, "netmask", "255.255.255.0", "gateway", "10.20.0.1",
                "system_location", locationUri, "deployment_type", "MANUAL-PROVISION-ONLY", "password", "ssh-Secret-1"));
        body.put("static_nat_address", "127.0.0.1");
        body.putAll(fields);
        RunningNode.Response file = management.send("POST", "/api/admin/configuration/v1/worker_vm/", body,
                RunningNode.basic(RunningNode.USER, RunningNode.PASSWORD), "*/*");
        if (file.status() != 201) {
            throw new IllegalStateException("Node " + name + " was not added: " + file.text());
        }
        NodeConfig config = new NodeConfigReader(Clock.systemUTC()).read(file.text().getBytes(StandardCharsets.UTF_8));
        KeyPair keys = KeyPairs.ecP256();
        String csr = CertificateRequest.create(keys, name, java.util.List.of()).pem();
        HttpClient pinned = HttpClient.newBuilder()
                .sslContext(TlsMaterial.pinnedClientContext(config.managementNode().caFingerprintSha256())).build();
        HttpResponse<String> answer = pinned.send(HttpRequest.newBuilder(ChannelClients.uri(management,
                        NodeChannel.ENROL))
                .POST(HttpRequest.BodyPublishers.ofString(NodeChannel.json().writeValueAsString(
                        new EnrolRequest(config.enrolment().token(), csr)))).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Node " + name + " was not enrolled: " + answer.body());
        }
        String certificate = NodeChannel.json().readTree(answer.body()).get("certificate").asText();
        return new ReportingNode(management, new IssuedCertificate(Pem.readCertificates(certificate).get(0),
                keys.getPrivate()));
    }

    public IssuedCertificate identity() {
        return identity;
    }

    /** Sends a heartbeat of a 4-vCPU node with {@code tokensUsed} media tokens in use; answers its status. */
    public int heartbeat(int tokensUsed) throws Exception {
        Capacity capacity = Capacity.ofCpus(4);
        Heartbeat heartbeat = new Heartbeat("test", "2026-11-25T10:00:00Z", 0, capacity, new Heartbeat.Load(
                tokensUsed, 100 * tokensUsed / capacity.maxMediaTokens(), Map.of()), false, 4, 8192);
        return ChannelClients.client(management, identity).send(HttpRequest.newBuilder(
                ChannelClients.uri(management, NodeChannel.HEARTBEAT)).POST(
                HttpRequest.BodyPublishers.ofByteArray(NodeChannel.json().writeValueAsBytes(heartbeat))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
