package dev.confab.localcloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.shared.crypto.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code confab demo}: runs the platform on this machine, every part a real process on loopback,
 * with a fresh data directory, until Ctrl-C. {@link ChildProcesses} reports on this console any part
 * that exits unexpectedly and starts it again.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a Management Node and Conferencing Nodes on loopback with a fresh data directory until Ctrl-C.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = ".confab-demo",
            description = "Directory for the demo's data, logs and access.json (default: ${DEFAULT-VALUE}); emptied at start.")
    Path dir;

    @Option(names = "--address", defaultValue = "127.0.0.1",
            description = "Loopback address of the Management Node (default: ${DEFAULT-VALUE}).")
    String address;

    @Option(names = "--https-port", defaultValue = "8443",
            description = "HTTPS port of the administrator interface and API (default: ${DEFAULT-VALUE}).")
    int httpsPort;

    @Option(names = "--node-port", defaultValue = "9443", description = "Node channel port (default: ${DEFAULT-VALUE}).")
    int nodePort;

    @Option(names = "--nodes", defaultValue = "2",
            description = "Conferencing Nodes to provision on 127.0.1.1, 127.0.1.2 … (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--cloud-nodes", defaultValue = "2",
            description = "Bursting Conferencing Nodes in Cloud Overflow, after the others: EC2 instances of the demo's"
                    + " endpoint, kept stopped until bursting starts them (default: ${DEFAULT-VALUE}; 0 for none).")
    int cloudNodes;

    @Option(names = "--boot-delay", defaultValue = "5",
            description = "Seconds a started instance of the demo's endpoint stays pending (default: ${DEFAULT-VALUE}).")
    int bootDelaySeconds;

    @Override
    public Integer call() throws Exception {
        DemoDirectory.reset(dir);
        Path managementData = dir.resolve("management");
        String password = Tokens.random(12);
        Path passwordFile = DemoDirectory.writePrivate(dir.resolve("admin-password"), password);
        ChildProcesses children = new ChildProcesses();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the demo …");
            children.stopAll();
            stop.countDown();
        }, "confab-demo-stop"));

        Process management = children.start(List.of("management-agent", "--data", managementData.toString(),
                "--bind", address, "--https-port", Integer.toString(httpsPort), "--node-port", Integer.toString(nodePort),
                "--admin-user", "admin", "--admin-password-file", passwordFile.toString()),
                dir.resolve("management.log"));
        String url = "https://" + address + ":" + httpsPort + "/";
        ManagementClient api = ManagementClient.await(url, managementData.resolve("pki/https-selfsigned.crt"),
                "admin", password, management, Duration.ofSeconds(90), dir.resolve("management.log"));
        Files.delete(passwordFile);
        DemoLocations locations = DemoLocations.create(api, nodes, cloudNodes);
        String alias = DemoCalls.create(api);
        List<String> clientApi = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            // each node binds its own address, so a port free there now stays its own
            int clientApiPort = DemoNodes.freePort(DemoNodes.address(i));
            DemoNodes.provision(api, locations.of(i), i, dir, children, List.of("--client-api-port",
                    Integer.toString(clientApiPort)));
            clientApi.add("https://" + DemoNodes.address(i) + ":" + clientApiPort);
            System.out.println("Conferencing Node demo-cn" + i + " on " + DemoNodes.address(i) + " in "
                    + locations.nameOf(i) + " configured and enrolled.");
        }
        String endpoint = cloudNodes > 0 ? startCloud(api, locations, children) : null;
        Path caCertificate = managementData.resolve("pki/ca.crt").toAbsolutePath();
        for (String node : clientApi) {
            DemoNodes.awaitClientApi(node, caCertificate, Duration.ofSeconds(90));
        }

        Map<String, Object> access = new LinkedHashMap<>();
        access.put("url", url);
        access.put("username", "admin");
        access.put("password", password);
        access.put("client_api", clientApi);
        access.put("ca_certificate", caCertificate.toString());
        DemoDirectory.writePrivate(dir.resolve("access.json"),
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(access));
        System.out.println();
        System.out.println("Confab demo is running.");
        System.out.println("  Administrator interface and API: " + url);
        System.out.println("  Username: admin");
        System.out.println("  Password: " + password);
        for (int i = 1; i <= nodes; i++) {
            System.out.println("  Conferencing Node demo-cn" + i + " in " + locations.nameOf(i) + ": https://"
                    + DemoNodes.address(i) + ":8443/ (configured), client API " + clientApi.get(i - 1));
        }
        for (int i = nodes + 1; i <= nodes + cloudNodes; i++) {
            System.out.println("  Bursting node demo-cn" + i + " in " + DemoLocations.CLOUD + ": EC2 instance "
                    + DemoCloud.instanceId(i) + " at " + DemoNodes.address(i) + ", stopped until bursting starts it");
        }
        if (endpoint != null) {
            System.out.println("  EC2-compatible endpoint: " + endpoint + " (bursting is on; see Status › Cloud Bursting)");
        }
        System.out.println("  Virtual Meeting Room: " + alias);
        System.out.println("  The same is in " + dir.resolve("access.json") + "; logs are in " + dir + "/.");
        System.out.println("A process that exits unexpectedly is reported here and started again (after 1 s, doubling"
                + " to 30 s while it keeps failing).");
        System.out.println("Make calls to the room from another terminal (Ctrl-C there releases them)"
                + (locations.overflow() == null ? ":" : " through Loopback's nodes, to see them fill Loopback and"
                + " overflow, in Status › Live View:"));
        System.out.println("  " + callgenCommand(alias, locations.loopbackNodes()));
        System.out.println("Press Ctrl-C to stop everything the demo started.");
        stop.await();
        return 0;
    }

    /**
     * Provisions the bursting nodes, powers them off, starts the EC2-compatible endpoint with them as
     * stopped instances and turns bursting on against it; returns the endpoint's URL.
     */
    private String startCloud(ManagementClient api, DemoLocations locations, ChildProcesses children)
            throws Exception {
        List<DemoCloud.StoppedNode> stopped = new ArrayList<>();
        for (int i = nodes + 1; i <= nodes + cloudNodes; i++) {
            stopped.add(DemoCloud.provisionStopped(api, locations.of(i), i, dir, children, Duration.ofSeconds(90)));
            System.out.println("Bursting node demo-cn" + i + " on " + DemoNodes.address(i) + " in "
                    + DemoLocations.CLOUD + " configured, enrolled and stopped.");
        }
        List<String> tag = DemoCloud.tag(api);
        Path instanceFile = DemoCloud.writeInstanceFile(dir, tag.get(0), tag.get(1), stopped);
        DemoCloud.Key key = DemoCloud.Key.random();
        String endpoint = DemoCloud.startEndpoint(children, dir, instanceFile, key,
                Duration.ofSeconds(bootDelaySeconds), Duration.ofSeconds(60));
        DemoCloud.enableBursting(api, endpoint, key, Map.of());
        return endpoint;
    }

    /**
     * The callgen command that calls the demo's room through {@code nodes} (as {@code --nodes} takes
     * them; every node when empty); the default {@code --access} is the default {@code --dir}'s.
     */
    String callgenCommand(String alias, String nodes) {
        String access = dir.normalize().equals(Path.of(".confab-demo")) ? ""
                : " --access " + dir.resolve("access.json");
        return "./confab callgen --alias " + alias + (nodes.isEmpty() ? "" : " --nodes " + nodes)
                + " --rate 1 --hold exp:20s --mix hd=70,sd=20,audio=10" + access;
    }

    /** The demo's working directory. */
    static final class DemoDirectory {
        private DemoDirectory() {
        }

        static void reset(Path dir) throws IOException {
            if (Files.exists(dir)) {
                try (var paths = Files.walk(dir)) {
                    for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(dir);
        }

        static Path writePrivate(Path file, String content) throws IOException {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content);
            return file;
        }
    }
}
