package dev.confab.localcloud.testing;

import dev.confab.shared.testing.FreePort;
import dev.confab.shared.testing.UploadPage;
import dev.confab.shared.testing.Await;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.localcloud.ChildProcesses;
import dev.confab.localcloud.DemoNodes;
import dev.confab.localcloud.ManagementClient;
import dev.confab.localcloud.NodeUploadClient;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.TlsMaterial;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Management Node process with a 1 s heartbeat interval (or another) and Conferencing Node processes
 * provisioned against it, for tests of the node channel across real processes and ports.
 */
public final class ChannelPlatform implements AutoCloseable {

    public static final String CONFIG = "/api/admin/configuration/v1/";
    public static final String STATUS = "/api/admin/status/v1/";
    public static final String HISTORY = "/api/admin/history/v1/";

    /** A node added with its file and, once provisioned, its process (restarted into configured mode). */
    public static final class Node {
        public final String name;
        public final String address;
        public final int port;
        public final Path data;
        public final List<String> arguments;
        public final Path log;
        public final int clientApiPort;
        public final int nodePort;
        public final String uri;
        public final ManagementClient.Download file;
        public ChildProcesses.Supervised process;

        Node(String name, String address, int port, Path data, List<String> arguments, Path log, int clientApiPort,
             int nodePort, ManagementClient.Download file) {
            this.name = name;
            this.address = address;
            this.port = port;
            this.data = data;
            this.arguments = arguments;
            this.log = log;
            this.clientApiPort = clientApiPort;
            this.nodePort = nodePort;
            this.uri = file.location();
            this.file = file;
        }
    }

    private final ChildProcesses children = new ChildProcesses();
    private final ObjectMapper json = new ObjectMapper();
    private final Path dir;
    private final int httpsPort;
    private final int nodePort;
    private final Duration heartbeat;
    private Process management;
    public ManagementClient api;
    public String location;

    public ChannelPlatform(Path dir) throws Exception {
        this(dir, Duration.ofSeconds(1));
    }

    /** A platform whose nodes heartbeat every {@code heartbeat} (a node silent for 3 intervals is lost). */
    public ChannelPlatform(Path dir, Duration heartbeat) throws Exception {
        this.dir = dir;
        this.heartbeat = heartbeat;
        this.httpsPort = FreePort.on("127.0.0.1");
        this.nodePort = FreePort.on("127.0.0.1");
        Files.writeString(dir.resolve("password"), "s3cret-for-test");
        startManagement();
        location = api.post(CONFIG + "system_location/", Map.of("name", "Loopback")).get("resource_uri").asText();
    }

    public void startManagement() throws Exception {
        Path data = dir.resolve("management");
        management = children.start(List.of("management-agent", "--data", data.toString(), "--bind", "127.0.0.1",
                "--https-port", Integer.toString(httpsPort), "--node-port", Integer.toString(nodePort),
                "--admin-password-file", dir.resolve("password").toString(), "--heartbeat-interval-ms", Long.toString(heartbeat.toMillis())),
                dir.resolve("management.log"));
        api = ManagementClient.await("https://127.0.0.1:" + httpsPort + "/", data.resolve("pki/https-selfsigned.crt"),
                "admin", "s3cret-for-test", management, Duration.ofSeconds(60), dir.resolve("management.log"));
    }

    public void stopManagement() throws InterruptedException {
        management.destroy();
        management.waitFor();
    }

    /** Adds node {@code name} at {@code address} through the API and uploads its file to its agent. */
    public Node provision(String name, String address, boolean distributedDatabase) throws Exception {
        Node node = add(name, address, distributedDatabase);
        upload(node);
        return node;
    }

    /** Adds node {@code name} at {@code address} through the API, keeping its configuration file. */
    public Node add(String name, String address, boolean distributedDatabase) throws Exception {
        return add(name, address, Map.of("enable_distributed_database", distributedDatabase), List.of());
    }

    /**
     * Adds node {@code name} at {@code address} in the platform's first location, with {@code fields}
     * of its {@code worker_vm} set as given (another {@code system_location}, {@code node_type} …),
     * to be started with {@code arguments} added to its command line.
     */
    public Node add(String name, String address, Map<String, Object> fields, List<String> arguments)
            throws Exception {
        Map<String, Object> request = new java.util.HashMap<>(DemoNodes.nodeRequest(name, address, location));
        request.putAll(fields);
        ManagementClient.Download file = api.postForFile(CONFIG + "worker_vm/", request);
        int port = FreePort.on(address);
        int clientApiPort = FreePort.on(address);
        int peerPort = FreePort.on(address);
        Path data = dir.resolve(name);
        Files.createDirectories(dir.resolve(name + "-root"));
        List<String> command = new java.util.ArrayList<>(List.of("conferencing-agent", "--data", data.toString(),
                "--system-root", dir.resolve(name + "-root").toString(), "--bind", address, "--provisioning-port",
                Integer.toString(port), "--client-api-port", Integer.toString(clientApiPort), "--node-port",
                Integer.toString(peerPort)));
        command.addAll(arguments);
        return new Node(name, address, port, data, List.copyOf(command), dir.resolve(name + ".log"), clientApiPort,
                peerPort, file);
    }

    /** Starts the added node's agent and uploads its file: it enrols and restarts into configured mode. */
    public void upload(Node node) throws Exception {
        node.process = children.startSupervised(node.arguments, node.log);
        NodeUploadClient.Answer answer = DemoNodes.awaitUploadPage(node.address, node.port, node.data,
                Duration.ofSeconds(60)).upload(node.file.fileName(), node.file.content());
        if (answer.status() != 200) {
            throw new IllegalStateException(node.name + " refused its file: " + answer.body());
        }
    }

    /** The Management Node's data directory ({@code confab.db} and its WAL, {@code secret.key}, {@code pki/}). */
    public Path managementData() {
        return dir.resolve("management");
    }

    /** Backs the Management Node's data directory up to {@code backup} while it is stopped, then starts it again. */
    public Path backUpManagement(Path backup) throws Exception {
        stopManagement();
        copyTree(managementData(), backup);
        startManagement();
        return backup;
    }

    /** Restores the Management Node's data directory from {@code backup} while it is stopped, then starts it again. */
    public void restoreManagement(Path backup) throws Exception {
        stopManagement();
        try (var paths = Files.walk(managementData())) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        copyTree(backup, managementData());
        startManagement();
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()),
                        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    public void stopNode(Node node) throws InterruptedException {
        node.process.current().destroy();
        node.process.current().waitFor();
    }

    public void startNode(Node node) throws Exception {
        node.process = children.startSupervised(node.arguments, node.log);
    }

    /** The node's own status page ({@code /status} on its port), once it answers. */
    public JsonNode nodeStatus(Node node) throws Exception {
        return Await.atMost(Duration.ofSeconds(30)).until("the status page of " + node.name, () -> {
            Path certificate = node.data.resolve("provisioning.crt");
            HttpClient client = HttpClient.newBuilder().sslContext(TlsMaterial.clientContext(
                    Pem.readCertificates(Files.readString(certificate)).get(0), null)).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("https://" + node.address
                    + ":" + node.port + "/status")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
        });
    }

    /** The node's status on the Management Node ({@code status/v1/worker_vm}). */
    public JsonNode managementStatus(Node node) throws Exception {
        return api.get(STATUS + "worker_vm/?name=" + node.name).get("objects").get(0);
    }

    public long revision() throws Exception {
        JsonNode log = api.get(HISTORY + "admin_log/?revision__gte=0&limit=1");
        return log.get("objects").get(0).get("revision").asLong();
    }

    public String managementLog() throws Exception {
        return Files.readString(dir.resolve("management.log"));
    }

    @Override
    public void close() {
        children.stopAll();
        if (System.getProperty("confab.keep") != null) {
            try (var files = Files.walk(dir)) {
                Path keep = Path.of(System.getProperty("confab.keep"));
                for (Path file : files.filter(path -> path.toString().endsWith(".log")).toList()) {
                    Files.createDirectories(keep);
                    Files.copy(file, keep.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
