package dev.confab.bench.admission;

import dev.confab.localcloud.ChildProcesses;
import dev.confab.localcloud.DemoCalls;
import dev.confab.localcloud.DemoNodes;
import dev.confab.localcloud.ManagementClient;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.TlsMaterial;

import javax.net.ssl.SSLContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Management Node and one Conferencing Node, real processes started as {@code confab demo} starts
 * them (the launcher's JVM options for each command), with the demo's licence and Virtual Meeting
 * Room: what the client API benchmark loads. Stops both on {@link #close()}.
 */
final class BenchPlatform implements AutoCloseable {

    /** The node's number among demo nodes: it binds 127.0.1.200, away from a running demo's nodes. */
    private static final int NODE_INDEX = 200;

    private final ChildProcesses children = new ChildProcesses();
    private final Path dir;
    private String clientApi;
    private Process management;
    private ChildProcesses.Supervised node;

    private BenchPlatform(Path dir) {
        this.dir = dir;
    }

    /** Starts the platform in {@code dir}; the node is sized as EC2 instance type {@code instanceType}. */
    static BenchPlatform start(Path dir, String instanceType) throws Exception {
        BenchPlatform platform = new BenchPlatform(dir);
        try {
            platform.startProcesses(instanceType);
            return platform;
        } catch (Exception e) {
            platform.close();
            throw e;
        }
    }

    private void startProcesses(String instanceType) throws Exception {
        Path managementData = dir.resolve("management");
        Path password = Files.writeString(dir.resolve("password"), "s3cret-bench");
        int httpsPort = DemoNodes.freePort("127.0.0.1");
        management = children.start(List.of("management-agent", "--data", managementData.toString(), "--bind",
                "127.0.0.1", "--https-port", Integer.toString(httpsPort), "--node-port",
                Integer.toString(DemoNodes.freePort("127.0.0.1")), "--admin-password-file", password.toString()),
                dir.resolve("management.log"));
        ManagementClient api = ManagementClient.await("https://127.0.0.1:" + httpsPort + "/",
                managementData.resolve("pki/https-selfsigned.crt"), "admin", "s3cret-bench", management,
                Duration.ofSeconds(90),
                dir.resolve("management.log"));
        String location = api.post("/api/admin/configuration/v1/system_location/", Map.of("name", "Bench"))
                .get("resource_uri").asText();
        DemoCalls.create(api);
        String address = DemoNodes.address(NODE_INDEX);
        int clientApiPort = DemoNodes.freePort(address);
        node = DemoNodes.provision(api, location, NODE_INDEX, dir, children, List.of("--client-api-port",
                Integer.toString(clientApiPort), "--instance-type", instanceType));
        clientApi = "https://" + address + ":" + clientApiPort;
        DemoNodes.awaitClientApi(clientApi, caCertificate(), Duration.ofSeconds(90));
    }

    /** The node's client API base URL. */
    String clientApi() {
        return clientApi;
    }

    /** The node's own status page, on its provisioning port: the baseline of a cheap request. */
    String statusUrl() {
        return "https://" + DemoNodes.address(NODE_INDEX) + ":8443/status";
    }

    /** Trusts the Management Node's CA, which issued the node's certificate. */
    SSLContext clientApiTrust() throws Exception {
        return TlsMaterial.clientContext(Pem.readCertificates(Files.readString(caCertificate())).get(0), null);
    }

    private Path caCertificate() {
        return dir.resolve("management/pki/ca.crt");
    }

    /** Trusts the node's self-signed certificate of its provisioning port. */
    SSLContext statusTrust() throws Exception {
        return TlsMaterial.clientContext(Pem.readCertificates(Files.readString(dir.resolve("demo-cn" + NODE_INDEX)
                .resolve("provisioning.crt"))).get(0), null);
    }

    /** The process id of the Management Node. */
    long managementPid() {
        return management.pid();
    }

    /** The process id of the node's agent now. */
    long nodePid() {
        return node.current().pid();
    }

    @Override
    public void close() {
        children.stopAll();
    }
}
