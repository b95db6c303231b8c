package dev.confab.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.shared.crypto.Tokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's cloud: its bursting nodes, provisioned like any node and then powered off, declared
 * as stopped EC2 instances tagged {@code pexip-cloud=<tag value>} to an EC2-compatible endpoint that
 * runs as a process of its own ({@code confab ec2-endpoint}), and the Management Node's bursting
 * settings pointed at that endpoint, through the management API as an operator would set them.
 */
final class DemoCloud {

    /** The region the demo's endpoint serves. */
    static final String REGION = "us-east-1";
    private static final String GLOBAL = "/api/admin/configuration/v1/global/1/";

    private DemoCloud() {
    }

    /** One bursting node, provisioned and powered off: the instance that runs it. */
    record StoppedNode(int index, String name, String address) {
    }

    /**
     * Provisions bursting node number {@code index}, waits until it has enrolled and applied the
     * configuration, then stops its process: from now on its instance runs it.
     */
    static StoppedNode provisionStopped(ManagementClient api, String locationUri, int index, Path dir,
                                        ChildProcesses children, Duration timeout) throws Exception {
        return provisionStopped(api, locationUri, index, dir, children, List.of(), timeout);
    }

    /** The same, the node's agent started with {@code agentOptions} (such as its instance type). */
    static StoppedNode provisionStopped(ManagementClient api, String locationUri, int index, Path dir,
                                        ChildProcesses children, List<String> agentOptions, Duration timeout)
            throws Exception {
        // as the guide has overflow nodes: no distributed database on a node that is stopped when idle
        ChildProcesses.Supervised agent = DemoNodes.provision(api, locationUri, index, dir, children, agentOptions,
                Map.of("enable_distributed_database", false));
        String name = "demo-cn" + index;
        awaitSynced(api, name, timeout);
        children.stop(agent);
        return new StoppedNode(index, name, DemoNodes.address(index));
    }

    /** Waits until status/v1/worker_vm shows the node {@code SYNCED}: enrolled, reachable, up to date. */
    static void awaitSynced(ManagementClient api, String name, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String last = "not listed";
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode node : api.get("/api/admin/status/v1/worker_vm/?name=" + name).path("objects")) {
                if (name.equals(node.path("name").asText())) {
                    last = node.path("sync_status").asText();
                }
            }
            if ("SYNCED".equals(last)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The bursting node " + name + " did not become SYNCED within "
                + timeout.toSeconds() + " s (last: " + last + "); see its log in the demo directory.");
    }

    /**
     * Writes the instance file of {@code nodes} for {@code confab ec2-endpoint}: each node a stopped
     * instance at its address (kept as its Elastic IP, so its public address is the same after each
     * start), tagged with the platform's tag and its name.
     */
    static Path writeInstanceFile(Path dir, String tagName, String tagValue, List<StoppedNode> nodes)
            throws IOException {
        List<Map<String, Object>> instances = new ArrayList<>();
        for (StoppedNode node : nodes) {
            Map<String, Object> instance = new LinkedHashMap<>();
            instance.put("instance_id", instanceId(node.index()));
            instance.put("private_ip", node.address());
            instance.put("elastic_ip", node.address());
            instance.put("state", "stopped");
            instance.put("tags", Map.of(tagName, tagValue, "Name", node.name()));
            instance.put("node", Map.of("data", node.name(), "system_root", node.name() + "-root",
                    "bind", node.address(), "log", node.name() + ".log"));
            instances.add(instance);
        }
        Path file = dir.resolve("ec2-instances.json");
        Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(Map.of("instances", instances)));
        return file;
    }

    /** The demo's instance id of node number {@code index}: {@code i-} and 17 hexadecimal digits. */
    static String instanceId(int index) {
        return String.format(Locale.ROOT, "i-0de%014x", index);
    }

    /** An access key for the demo's endpoint, as IAM makes them: an id and a secret. */
    record Key(String id, String secret) {
        static Key random() {
            return new Key("AKIA" + Tokens.sha256Hex(Tokens.random(16)).substring(0, 16).toUpperCase(Locale.ROOT),
                    Tokens.random(30));
        }

        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }

    /**
     * Starts {@code confab ec2-endpoint} for {@code instanceFile} with {@code key} on loopback and
     * returns its URL once it serves.
     */
    static String startEndpoint(ChildProcesses children, Path dir, Path instanceFile, Key key, Duration bootDelay,
                                Duration timeout) throws Exception {
        Path secretFile = DemoCommand.DemoDirectory.writePrivate(dir.resolve("ec2-secret-key"), key.secret());
        Path portFile = dir.resolve("ec2-endpoint.port");
        Files.deleteIfExists(portFile);
        Process endpoint = children.start(List.of("ec2-endpoint", "--instances", instanceFile.toString(),
                "--bind", "127.0.0.1", "--port", "0", "--port-file", portFile.toString(), "--region", REGION,
                "--access-key-id", key.id(), "--secret-key-file", secretFile.toString(),
                "--boot-delay", bootDelay.toSeconds() + "s"), dir.resolve("ec2-endpoint.log"));
        Instant deadline = Instant.now().plus(timeout);
        while (!Files.exists(portFile)) {
            if (!endpoint.isAlive() && !Files.exists(portFile)) {
                throw new IllegalStateException("The EC2-compatible endpoint exited with code " + endpoint.exitValue()
                        + "; see " + dir.resolve("ec2-endpoint.log") + ".");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The EC2-compatible endpoint did not serve within "
                        + timeout.toSeconds() + " s; see " + dir.resolve("ec2-endpoint.log") + ".");
            }
            Thread.sleep(100);
        }
        return "http://127.0.0.1:" + Files.readString(portFile).strip() + "/";
    }

    /** The demo Management Node's host name, which is the value of the platform's tag. */
    static final String MANAGEMENT_HOSTNAME = "demo-mgmt";

    /**
     * The platform's tag, {@code [name, value]} as Global Settings compute them, once the Management
     * Node has its host name (an installed one has it from the installer).
     */
    static List<String> tag(ManagementClient api) throws IOException, InterruptedException {
        api.patch("/api/admin/configuration/v1/management_vm/1/", Map.of("hostname", MANAGEMENT_HOSTNAME));
        JsonNode global = api.get(GLOBAL);
        return List.of(global.path("bursting_tag_name").asText(), global.path("bursting_tag_value").asText());
    }

    /**
     * The demo's bursting threshold for {@code location}: half its HD capacity (at least 1), so the
     * first calls fill it a little before a node starts; the demo's nodes are sized by this machine's
     * CPUs, so a fixed threshold could exceed the whole location.
     */
    static int thresholdFor(ManagementClient api, String location) throws IOException, InterruptedException {
        for (JsonNode status : api.get("/api/admin/status/v1/system_location/").path("objects")) {
            if (location.equals(status.path("name").asText())) {
                return Math.max(1, status.path("max_hd_calls").asInt() / 2);
            }
        }
        throw new IllegalStateException("status/v1/system_location does not list " + location + ".");
    }

    /** Turns bursting on in Global Settings, on the demo's endpoint with {@code key}. */
    static void enableBursting(ManagementClient api, String endpointUrl, Key key, Map<String, Object> more)
            throws IOException, InterruptedException {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("cloud_provider", "AWS");
        settings.put("aws_access_key", key.id());
        settings.put("aws_secret_key", key.secret());
        settings.put("aws_region", REGION);
        settings.put("aws_endpoint", endpointUrl);
        settings.putAll(more);
        settings.put("bursting_enabled", true);
        api.patch(GLOBAL, settings);
    }
}
