package dev.confab.localcloud;

import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.TlsMaterial;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Conferencing Nodes on loopback, provisioned as an operator would: add the node through the
 * management API, take its configuration file, start the agent unconfigured and upload the file to
 * its port 8443.
 */
public final class DemoNodes {

    /** The domain of demo nodes. */
    public static final String DOMAIN = "confab.local";

    private DemoNodes() {
    }

    /** The body of {@code POST worker_vm} for a generic node {@code name} at {@code address} (a /24 on loopback). */
    public static Map<String, Object> nodeRequest(String name, String address, String locationUri) {
        Map<String, Object> node = new HashMap<>();
        node.put("name", name);
        node.put("hostname", name);
        node.put("domain", DOMAIN);
        node.put("address", address);
        node.put("netmask", "255.255.255.0");
        node.put("gateway", address.substring(0, address.lastIndexOf('.')) + ".254");
        node.put("system_location", locationUri);
        node.put("node_type", "CONFERENCING");
        node.put("deployment_type", "MANUAL-PROVISION-ONLY");
        node.put("password", "admin-" + name);
        return node;
    }

    /** The loopback address of node number {@code index} (1, 2 …): 127.0.1.{@code index}. */
    public static String address(int index) {
        return "127.0.1." + index;
    }

    /** A TCP port free on {@code address} now, for a listener a node is told to open. */
    public static int freePort(String address) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        }
    }

    /**
     * Adds node number {@code index} (1, 2 …) at {@link #address}, starts its agent with
     * {@code agentOptions} after the demo's own, and uploads its file; returns the supervised agent
     * process, which restarts itself into configured mode with the same options.
     */
    public static ChildProcesses.Supervised provision(ManagementClient api, String locationUri, int index, Path dir,
                                                      ChildProcesses children, List<String> agentOptions)
            throws Exception {
        return provision(api, locationUri, index, dir, children, agentOptions, Map.of());
    }

    /** {@link #provision}, with {@code fields} added to the node's {@code POST worker_vm}. */
    public static ChildProcesses.Supervised provision(ManagementClient api, String locationUri, int index, Path dir,
                                                      ChildProcesses children, List<String> agentOptions,
                                                      Map<String, Object> fields) throws Exception {
        String name = "demo-cn" + index;
        String address = address(index);
        Path data = dir.resolve(name);
        Path root = Files.createDirectories(dir.resolve(name + "-root"));
        Map<String, Object> request = nodeRequest(name, address, locationUri);
        request.putAll(fields);
        ManagementClient.Download file = api.postForFile("/api/admin/configuration/v1/worker_vm/", request);
        Files.write(dir.resolve(file.fileName()), file.content());
        List<String> arguments = new ArrayList<>(List.of("conferencing-agent", "--data", data.toString(),
                "--system-root", root.toString(), "--bind", address));
        arguments.addAll(agentOptions);
        ChildProcesses.Supervised agent = children.startSupervised(arguments, dir.resolve(name + ".log"));
        NodeUploadClient.Answer answer = awaitUploadPage(address, 8443, data, Duration.ofSeconds(90))
                .upload(file.fileName(), file.content());
        if (answer.status() != 200) {
            throw new IllegalStateException("The node " + name + " refused its file: " + answer.body());
        }
        return agent;
    }

    /** Waits until the node's upload page answers over HTTPS with the certificate the node published. */
    public static NodeUploadClient awaitUploadPage(String address, int port, Path data, Duration timeout)
            throws Exception {
        Path certificate = data.resolve("provisioning.crt");
        awaitHttps(URI.create("https://" + address + ":" + port + "/"), certificate, timeout, status -> status == 200);
        return new NodeUploadClient(address, port, certificate);
    }

    /**
     * Waits until the client API at {@code baseUrl} answers over HTTPS with a certificate issued by the
     * CA in {@code caCertificate} (the node's client API starts once it has restarted configured).
     */
    public static void awaitClientApi(String baseUrl, Path caCertificate, Duration timeout) throws Exception {
        awaitHttps(URI.create(baseUrl + "/api/client/v2/conferences/"), caCertificate, timeout, status -> true);
    }

    /** Polls {@code uri}, trusting the certificate in {@code certificate} once it exists, until a status is {@code accepted}. */
    private static void awaitHttps(URI uri, Path certificate, Duration timeout, IntPredicate accepted)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(certificate)) {
                try {
                    HttpClient probe = HttpClient.newBuilder().sslContext(TlsMaterial.clientContext(
                            Pem.readCertificates(Files.readString(certificate)).get(0), null))
                            .connectTimeout(Duration.ofSeconds(2)).build();
                    int status = probe.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (accepted.test(status)) {
                        return;
                    }
                } catch (IOException | RuntimeException e) {
                    last = e;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(uri + " did not answer within " + timeout.toSeconds() + " s"
                + (last == null ? "" : " (" + last.getMessage() + ")"));
    }
}
