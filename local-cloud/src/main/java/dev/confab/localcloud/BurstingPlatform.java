package dev.confab.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.localcloud.callgen.ClientApiClient;
import dev.confab.localcloud.ec2.AccessKey;
import dev.confab.localcloud.ec2.Ec2Endpoint;
import dev.confab.localcloud.ec2.Ec2EndpointConfig;
import dev.confab.localcloud.ec2.InstanceDeclaration;
import dev.confab.localcloud.ec2.InstanceFile;
import dev.confab.localcloud.ec2.InstanceState;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.TlsMaterial;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Bursting end to end on one machine, built from the demo's pieces: a Management Node process with
 * a short minimum lifetime, Loopback with one always-on Conferencing Node (client API on a free
 * port), Cloud Overflow as its primary overflow location with bursting nodes provisioned and then
 * powered off, an EC2-compatible endpoint in this JVM that holds them as stopped instances tagged for
 * the platform (starting an instance starts its node's process), and bursting on against it with a
 * low threshold. Every node is sized as one EC2 instance type. For the integration test and the
 * benchmark of bursting, which read the endpoint's calls on this JVM's clock. Stops everything on
 * {@link #close()}.
 */
public final class BurstingPlatform implements AutoCloseable {

    /** The monitored location. */
    public static final String MONITORED = "Loopback";

    /**
     * What to start.
     *
     * @param dir           data and logs of every process
     * @param firstIndex    the always-on node is demo node number {@code firstIndex} (address
     *                      127.0.1.{@code firstIndex}), the bursting nodes the numbers after it
     * @param burstingNodes how many bursting nodes
     * @param instanceType  the EC2 instance type that sizes every node (c5.large: 4 HD calls)
     * @param threshold     the bursting threshold, in free HD calls
     * @param minLifetime   the minimum lifetime of a started node ({@code --bursting-min-lifetime-seconds})
     * @param bootDelay     how long a started instance stays pending
     * @param heartbeat     the nodes' heartbeat interval; a load report is stale after three
     * @param tick          how often, at least, the bursting policy describes EC2 anew ({@code --bursting-tick-seconds})
     */
    public record Options(Path dir, int firstIndex, int burstingNodes, String instanceType, int threshold,
                          Duration minLifetime, Duration bootDelay, Duration heartbeat, Duration tick) {

        /** With the bursting policy's own tick (10 s). */
        public Options(Path dir, int firstIndex, int burstingNodes, String instanceType, int threshold,
                       Duration minLifetime, Duration bootDelay, Duration heartbeat) {
            this(dir, firstIndex, burstingNodes, instanceType, threshold, minLifetime, bootDelay, heartbeat,
                    Duration.ofSeconds(10));
        }
    }

    private final ChildProcesses children = new ChildProcesses();
    private final Options options;
    private final List<String> instanceIds = new ArrayList<>();
    private ManagementClient api;
    private Ec2Endpoint endpoint;
    private String clientApi;
    private String alias;
    private ClientApiClient client;

    private BurstingPlatform(Options options) {
        this.options = options;
    }

    /** Starts the platform and turns bursting on; returns once the always-on node serves its client API. */
    public static BurstingPlatform start(Options options) throws Exception {
        BurstingPlatform platform = new BurstingPlatform(options);
        try {
            platform.startAll();
            return platform;
        } catch (Exception e) {
            platform.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        Path dir = options.dir();
        Path managementData = dir.resolve("management");
        Path password = DemoCommand.DemoDirectory.writePrivate(dir.resolve("admin-password"), "s3cret-bursting");
        int httpsPort = DemoNodes.freePort("127.0.0.1");
        Process management = children.start(List.of("management-agent", "--data", managementData.toString(),
                "--bind", "127.0.0.1", "--https-port", Integer.toString(httpsPort), "--node-port",
                Integer.toString(DemoNodes.freePort("127.0.0.1")), "--admin-password-file", password.toString(),
                "--heartbeat-interval-ms", Long.toString(options.heartbeat().toMillis()),
                "--bursting-min-lifetime-seconds", Long.toString(options.minLifetime().toSeconds()),
                "--bursting-tick-seconds", Long.toString(options.tick().toSeconds())),
                dir.resolve("management.log"));
        api = ManagementClient.await("https://127.0.0.1:" + httpsPort + "/",
                managementData.resolve("pki/https-selfsigned.crt"), "admin", "s3cret-bursting", management,
                Duration.ofSeconds(90), dir.resolve("management.log"));
        DemoLocations locations = DemoLocations.create(api, 1, options.burstingNodes());
        alias = DemoCalls.create(api);
        List<String> sized = List.of("--instance-type", options.instanceType());

        int always = options.firstIndex();
        int clientApiPort = DemoNodes.freePort(DemoNodes.address(always));
        List<String> alwaysOptions = new ArrayList<>(sized);
        alwaysOptions.addAll(List.of("--client-api-port", Integer.toString(clientApiPort)));
        DemoNodes.provision(api, locations.loopback(), always, dir, children, alwaysOptions);
        clientApi = "https://" + DemoNodes.address(always) + ":" + clientApiPort;

        List<DemoCloud.StoppedNode> stopped = new ArrayList<>();
        for (int index = always + 1; index <= always + options.burstingNodes(); index++) {
            stopped.add(DemoCloud.provisionStopped(api, locations.cloud(), index, dir, children, sized,
                    Duration.ofSeconds(90)));
        }
        List<String> tag = DemoCloud.tag(api);
        DemoCloud.Key key = DemoCloud.Key.random();
        endpoint = Ec2Endpoint.create(Ec2EndpointConfig.defaults().withRegion(DemoCloud.REGION)
                .withKey(AccessKey.allowingEverything(key.id(), key.secret()))
                .withDelays(options.bootDelay(), Duration.ofSeconds(1))).start();
        for (DemoCloud.StoppedNode node : stopped) {
            InstanceDeclaration declaration = new InstanceDeclaration(DemoCloud.instanceId(node.index()),
                    node.address(), Optional.of(node.address()), options.instanceType(),
                    Map.of(tag.get(0), tag.get(1), "Name", node.name()), InstanceState.STOPPED);
            InstanceFile.NodeProcess process = new InstanceFile.NodeProcess(dir.resolve(node.name()),
                    dir.resolve(node.name() + "-root"), node.address(), dir.resolve(node.name() + ".log"));
            instanceIds.add(endpoint.declare(declaration, new NodeProcessMachine(children, process, sized)));
        }
        DemoCloud.enableBursting(api, endpoint.uri().toString(), key, Map.of("bursting_threshold",
                options.threshold()));
        DemoNodes.awaitClientApi(clientApi, caCertificate(), Duration.ofSeconds(90));
    }

    /** The management API, as the administrator. */
    public ManagementClient api() {
        return api;
    }

    /** The EC2-compatible endpoint, with every call it was sent. */
    public Ec2Endpoint endpoint() {
        return endpoint;
    }

    /** The bursting nodes' instance ids, in the nodes' name order (the order bursting starts them in). */
    public List<String> instanceIds() {
        return List.copyOf(instanceIds);
    }

    /** The name of the Conferencing Node of instance number {@code i} of {@link #instanceIds()}. */
    public String nodeName(int i) {
        return "demo-cn" + (options.firstIndex() + 1 + i);
    }

    /** The alias of the Virtual Meeting Room to call. */
    public String alias() {
        return alias;
    }

    /** The always-on node's client API base URL. */
    public String clientApi() {
        return clientApi;
    }

    /** Trusts the platform's CA, which issued the nodes' client API certificates. */
    public SSLContext clientApiTrust() throws Exception {
        return TlsMaterial.clientContext(Pem.readCertificates(Files.readString(caCertificate())).get(0), null);
    }

    private Path caCertificate() {
        return options.dir().resolve("management/pki/ca.crt");
    }

    /** The object of location {@code name} in {@code status/v1/system_location}. */
    public JsonNode locationStatus(String name) throws Exception {
        for (JsonNode status : api.get("/api/admin/status/v1/system_location/?name=" + name).path("objects")) {
            if (name.equals(status.path("name").asText())) {
                return status;
            }
        }
        throw new IllegalStateException("status/v1/system_location does not list " + name + ".");
    }

    /** The object of the instance {@code instanceId} in {@code status/v1/cloud_node}, if bursting lists it. */
    public Optional<JsonNode> cloudNode(String instanceId) throws Exception {
        for (JsonNode node : api.get("/api/admin/status/v1/cloud_node/?limit=1000").path("objects")) {
            if (instanceId.equals(node.path("cloud_instance_id").asText())) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    /** A call admitted through the always-on node, and when its answer arrived on this JVM's clock. */
    public record Admitted(String token, String location, String mediaNode, Instant answeredAt) {
    }

    /** Makes an HD call through the always-on node; a refusal is an exception that quotes it. */
    public Admitted call(String displayName) throws Exception {
        ClientApiClient.Answer answer = client().requestToken(clientApi, alias, displayName, "hd", null).get();
        Instant answeredAt = Instant.now();
        if (!answer.success()) {
            throw new IllegalStateException("The call " + displayName + " was refused (HTTP " + answer.status() + "): "
                    + answer.message());
        }
        return new Admitted(answer.field("token"), answer.field("system_location"), answer.field("media_node"),
                answeredAt);
    }

    /** Ends {@code call}. */
    public void release(Admitted call) throws Exception {
        ClientApiClient.Answer answer = client().releaseToken(clientApi, alias, call.token()).get();
        if (!answer.success()) {
            throw new IllegalStateException("The call was not released (HTTP " + answer.status() + "): "
                    + answer.message());
        }
    }

    /**
     * Makes HD calls through the always-on node, each once the Management Node's status shows the one
     * before, until {@value #MONITORED}'s free HD calls are at or below the threshold; the last call
     * made is the one that crossed it.
     */
    public List<Admitted> callUntilThreshold() throws Exception {
        List<Admitted> calls = new ArrayList<>();
        int used = locationStatus(MONITORED).path("media_tokens_used").asInt();
        while (locationStatus(MONITORED).path("free_hd_calls").asInt() > options.threshold()) {
            if (calls.size() == 100) {
                throw new IllegalStateException("100 calls did not bring " + MONITORED + " to the threshold.");
            }
            calls.add(call("Caller " + (calls.size() + 1)));
            int before = used;
            used = poll("the call in the status of " + MONITORED, Duration.ofSeconds(20), () -> {
                int now = locationStatus(MONITORED).path("media_tokens_used").asInt();
                return now > before ? now : null;
            });
        }
        return calls;
    }

    /**
     * Waits until no call is up in {@value #MONITORED} and every bursting node is stopped, at the
     * endpoint and in {@code status/v1/cloud_node} (so bursting has described it stopped).
     */
    public void awaitQuiet(Duration timeout) throws Exception {
        poll("every bursting node stopped and no call in " + MONITORED, timeout, () -> {
            if (locationStatus(MONITORED).path("media_tokens_used").asInt() != 0) {
                return null;
            }
            for (String id : instanceIds) {
                boolean described = cloudNode(id).map(node -> node.path("cloud_instance_state").asText()
                        .equals("stopped")).orElse(false);
                if (endpoint.instance(id).state() != InstanceState.STOPPED || !described) {
                    return null;
                }
            }
            return true;
        });
    }

    private synchronized ClientApiClient client() throws Exception {
        if (client == null) {
            client = new ClientApiClient(clientApiTrust());
        }
        return client;
    }

    /** Polls {@code probe} every 50 ms until it returns other than null; a timeout names its last failure. */
    private static <T> T poll(String what, Duration timeout, Callable<T> probe) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                T value = probe.call();
                if (value != null) {
                    return value;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Timed out after " + timeout.toSeconds() + " s waiting for " + what
                + (last == null ? "" : " (last: " + last + ")"));
    }

    @Override
    public void close() {
        if (endpoint != null) {
            endpoint.stop();
        }
        children.stopAll();
    }
}
