package dev.confab.localcloud;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Conferencing Nodes on loopback, provisioned as an operator would: add the node through the
 * management API, take its configuration file, start the agent unconfigured and upload the file to
 * its port 8443.
 */
public final class DemoNodes {

    /** The domain of demo nodes. */
    public static final String DOMAIN = "confab.local";
    /** The port of each demo node's client API on its own address (443 would need root). */
    public static final int CLIENT_API_PORT = 4443;

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

    /**
     * Adds node number {@code index} (1, 2 …) at 127.0.1.{@code index}, starts its agent and uploads its
     * file; returns the supervised agent process, which restarts itself into configured mode.
     */
    public static ChildProcesses.Supervised provision(ManagementClient api, String locationUri, int index, Path dir,
                                                      ChildProcesses children) throws Exception {
        String name = "demo-cn" + index;
        String address = "127.0.1." + index;
        Path data = dir.resolve(name);
        Path root = Files.createDirectories(dir.resolve(name + "-root"));
        ManagementClient.Download file = api.postForFile("/api/admin/configuration/v1/worker_vm/",
                nodeRequest(name, address, locationUri));
        Files.write(dir.resolve(file.fileName()), file.content());
        ChildProcesses.Supervised agent = children.startSupervised(List.of("conferencing-agent", "--data",
                data.toString(), "--system-root", root.toString(), "--bind", address, "--client-api-port",
                Integer.toString(CLIENT_API_PORT)), dir.resolve(name + ".log"));
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
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(certificate)) {
                try {
                    HttpClient probe = HttpClient.newBuilder().sslContext(dev.confab.shared.pki.TlsMaterial
                            .clientContext(dev.confab.shared.pki.Pem.readCertificates(Files.readString(certificate))
                                    .get(0), null)).connectTimeout(Duration.ofSeconds(2)).build();
                    int status = probe.send(HttpRequest.newBuilder(URI.create("https://" + address + ":" + port + "/"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200) {
                        return new NodeUploadClient(address, port, certificate);
                    }
                } catch (IOException | RuntimeException e) {
                    last = e;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The node's page https://" + address + ":" + port + "/ did not answer within "
                + timeout.toSeconds() + " s" + (last == null ? "" : " (" + last.getMessage() + ")"));
    }
}
