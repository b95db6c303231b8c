package dev.confab.bench.channel;

import dev.confab.shared.nodeconfig.NodeConfig;
import dev.confab.shared.nodeconfig.NodeConfigReader;
import dev.confab.shared.pki.CertificateRequest;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.KeyPairs;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.TlsMaterial;
import dev.confab.shared.wire.EnrolRequest;
import dev.confab.shared.wire.EnrolResponse;
import dev.confab.shared.wire.NodeChannel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Enrols simulated nodes through the real flow: each is added through the management API as a
 * generic node (which answers with its configuration file), then enrols with the file's token and
 * a CSR for a key made here, over TLS pinned to the CA fingerprint in the file.
 */
final class Fleet {

    /** One enrolled node: its certificate and key, the CA, and where its file says the node channel is. */
    record Enrolled(String name, IssuedCertificate identity, X509Certificate ca, String address, int port) {
    }

    private Fleet() {
    }

    /** Enrols {@code count} nodes, node i in {@code locations}[i mod their number], {@code parallel} at a time. */
    static List<Enrolled> enrol(AdminApi api, List<String> locations, int count, int parallel) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Enrolled>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> enrolOne(api, locations.get(index % locations.size()), index)));
            }
            List<Enrolled> enrolled = new ArrayList<>();
            for (Future<Enrolled> future : futures) {
                enrolled.add(future.get());
            }
            return enrolled;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Enrolled enrolOne(AdminApi api, String location, int index) throws Exception {
        String name = "sim-cn" + index;
        String subnet = "10.100." + (index / 200) + ".";
        Map<String, Object> node = new HashMap<>();
        node.put("name", name);
        node.put("hostname", name);
        node.put("domain", "sim.local");
        node.put("address", subnet + (index % 200 + 10));
        node.put("netmask", "255.255.255.0");
        node.put("gateway", subnet + "1");
        node.put("system_location", location);
        node.put("deployment_type", "MANUAL-PROVISION-ONLY");
        node.put("password", "sim-" + index);
        node.put("enable_distributed_database", false);
        // every simulated node calls from this host, as nodes behind one static NAT address would
        node.put("static_nat_address", "127.0.0.1");
        byte[] file = api.postForFile("/api/admin/configuration/v1/worker_vm/", node);
        NodeConfig config = new NodeConfigReader(Clock.systemUTC()).read(file);
        KeyPair keys = KeyPairs.ecP256();
        String csr = CertificateRequest.create(keys, config.node().fqdn(), List.of()).pem();
        EnrolResponse answer = enrol(config, new EnrolRequest(config.enrolment().token(), csr));
        return new Enrolled(name, new IssuedCertificate(Pem.readCertificates(answer.certificate()).get(0),
                keys.getPrivate()), Pem.readCertificates(answer.caCertificate()).get(0),
                config.managementNode().address(), config.managementNode().nodePort());
    }

    private static EnrolResponse enrol(NodeConfig config, EnrolRequest request) throws IOException, InterruptedException {
        NodeConfig.ManagementNode management = config.managementNode();
        HttpClient pinned = HttpClient.newBuilder()
                .sslContext(TlsMaterial.pinnedClientContext(management.caFingerprintSha256())).build();
        HttpResponse<byte[]> response = pinned.send(HttpRequest.newBuilder(URI.create("https://"
                + management.address() + ":" + management.nodePort() + NodeChannel.ENROL))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(NodeChannel.json().writeValueAsBytes(request))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("enrolment refused: " + new String(response.body()));
        }
        return NodeChannel.json().readValue(response.body(), EnrolResponse.class);
    }
}
