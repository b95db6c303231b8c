package dev.confab.localcloud.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.shared.testing.Await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ChannelPlatform} for tests of calls: locations with overflow and transcoding locations,
 * Conferencing Nodes sized as an EC2 instance type, Virtual Meeting Rooms, licences, and a client of
 * the nodes' client API trusting the platform's CA.
 */
public final class CallPlatform implements AutoCloseable {

    public final ChannelPlatform channel;
    private final List<ChannelPlatform.Node> nodes = new ArrayList<>();
    private ClientApiClient client;

    public CallPlatform(Path dir) throws Exception {
        channel = new ChannelPlatform(dir);
    }

    /** A platform whose nodes heartbeat every {@code heartbeat}. */
    public CallPlatform(Path dir, Duration heartbeat) throws Exception {
        channel = new ChannelPlatform(dir, heartbeat);
    }

    /** Creates a location and returns its URI; {@code fields} adds overflow or transcoding locations. */
    public String location(String name, Map<String, Object> fields) throws Exception {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("name", name);
        return channel.api.post(ChannelPlatform.CONFIG + "system_location/", body).get("resource_uri").asText();
    }

    /**
     * Adds and provisions a node of {@code nodeType} in {@code locationUri}, sized as EC2
     * {@code instanceType}, with {@code arguments} added to its command line.
     */
    public ChannelPlatform.Node node(String name, String address, String locationUri, String nodeType,
                                     String instanceType, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("--instance-type", instanceType));
        command.addAll(List.of(arguments));
        ChannelPlatform.Node node = channel.add(name, address, Map.of("system_location", locationUri, "node_type",
                nodeType), command);
        channel.upload(node);
        nodes.add(node);
        return node;
    }

    /** Creates a Virtual Meeting Room (or, with {@code service_type: lecture}, a Virtual Auditorium) with one alias. */
    public JsonNode service(String name, String alias, Map<String, Object> fields) throws Exception {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("name", name);
        body.put("aliases", List.of(Map.of("alias", alias)));
        return channel.api.post(ChannelPlatform.CONFIG + "conference/", body);
    }

    /** Installs a licence for {@code concurrent} calls and returns its URI. */
    public String licence(int concurrent) throws Exception {
        return channel.api.post(ChannelPlatform.CONFIG + "licence/", Map.of("concurrent", concurrent))
                .get("resource_uri").asText();
    }

    /**
     * Waits until every node has applied the newest configuration, knows every other node as
     * enrolled, serves its client API, and the Management Node has heard a heartbeat from each
     * since: then each node's load and node-to-node port are in the load answered to nodes.
     */
    public void awaitReady() throws Exception {
        Instant ready = Instant.now();
        for (ChannelPlatform.Node node : nodes) {
            Await.atMost(Duration.ofSeconds(90)).until(node.name + " ready for calls", () -> {
                JsonNode status = channel.nodeStatus(node);
                boolean serving = status.path("client_api_port").asInt() > 0
                        && status.path("enrolled_nodes").asInt() == nodes.size();
                boolean synced = channel.managementStatus(node).get("sync_status").asText().equals("SYNCED");
                return serving && synced ? true : null;
            });
        }
        Instant after = Instant.now();
        for (ChannelPlatform.Node node : nodes) {
            Await.atMost(Duration.ofSeconds(30)).until("a heartbeat of " + node.name + " after " + after, () -> {
                JsonNode contact = channel.managementStatus(node).get("last_attempted_contact");
                return !contact.isNull() && Instant.parse(contact.asText() + "Z").isAfter(after) ? true : null;
            });
        }
        System.out.println("Platform ready for calls in " + Duration.between(ready, Instant.now()).toMillis() + " ms");
    }

    /** A client of the client API, trusting the platform's CA. */
    public ClientApiClient client() throws Exception {
        if (client == null) {
            client = new ClientApiClient(nodes.get(0).data.resolve("ca.crt"), Duration.ofSeconds(10));
        }
        return client;
    }

    /** A client of the client API whose requests wait up to {@code timeout} for an answer. */
    public ClientApiClient client(Duration timeout) throws Exception {
        return new ClientApiClient(nodes.get(0).data.resolve("ca.crt"), timeout);
    }

    /** The status object of location {@code name}. */
    public JsonNode locationStatus(String name) throws Exception {
        return channel.api.get(ChannelPlatform.STATUS + "system_location/?name=" + name).get("objects").get(0);
    }

    /** The objects of {@code status/<resource>} or {@code history/<resource>} ({@code path} after v1/), all of them. */
    public JsonNode objects(String path) throws Exception {
        return channel.api.get(path + (path.contains("?") ? "&" : "?") + "limit=1000").get("objects");
    }

    /** Waits until {@code location}'s media tokens in use are {@code tokens}; returns how long it took. */
    public Duration awaitLocationTokens(String location, int tokens) throws Exception {
        Instant start = Instant.now();
        Await.atMost(Duration.ofSeconds(20)).every(Duration.ofMillis(20)).until(location + " using " + tokens
                + " media tokens", () -> locationStatus(location).get("media_tokens_used").asInt() == tokens
                ? true : null);
        return Duration.between(start, Instant.now());
    }

    @Override
    public void close() {
        channel.close();
    }
}
