package dev.confab.localcloud.callgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.localcloud.ChildProcesses;
import dev.confab.localcloud.DemoCalls;
import dev.confab.localcloud.DemoNodes;
import dev.confab.localcloud.testing.ChannelPlatform;
import dev.confab.shared.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code confab callgen} as its own process against a Management Node and one Conferencing Node
 * (real processes, the demo's licence and Virtual Meeting Room), the node sized as a c5.large: the
 * calls it holds are those the Management Node's status lists, it is refused "capacity exceeded"
 * beyond the node's capacity, and every call it was admitted ends up released, at the end of its
 * hold or when callgen is stopped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallgenIT {

    private static final String ADDRESS = "127.0.1.71";

    private Path dir;
    private final ObjectMapper json = new ObjectMapper();
    private final ChildProcesses callgens = new ChildProcesses();
    private ChannelPlatform platform;
    private String clientApi;
    private Path caCertificate;
    private int capacity;

    @BeforeAll
    void startPlatform(@TempDir Path dir) throws Exception {
        this.dir = dir;
        platform = new ChannelPlatform(dir);
        DemoCalls.create(platform.api);
        ChannelPlatform.Node node = platform.add("callgen-cn1", ADDRESS, Map.of(), List.of("--instance-type",
                "c5.large"));
        platform.upload(node);
        clientApi = "https://" + ADDRESS + ":" + node.clientApiPort;
        caCertificate = platform.managementData().resolve("pki/ca.crt");
        DemoNodes.awaitClientApi(clientApi, caCertificate, Duration.ofSeconds(60));
        // a platform of one node has no backplane: the node holds as many HD calls as its size says
        capacity = Await.atMost(Duration.ofSeconds(30)).until("the node's capacity in its location's status", () -> {
            int hd = location().get("max_hd_calls").asInt();
            return hd > 0 ? hd : null;
        });
    }

    @AfterAll
    void stopPlatform() {
        callgens.stopAll();
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void holdsTheCallsTheManagementNodeListsIsRefusedBeyondCapacityAndReleasesEveryCall() throws Exception {
        // Given 10 HD calls in 2 s, each held 10 s, against a node of fewer HD calls
        assertTrue(capacity < 10, "capacity " + capacity);
        Path log = dir.resolve("callgen-run.log");
        Process callgen = callgens.startOnce(callgen("--rate", "5", "--duration", "2s", "--hold", "10s"), log);

        // Then while they are held, the Management Node lists as many participants as the node holds, and no room
        Set<String> listed = Await.atMost(Duration.ofSeconds(60)).whileAlive(callgen).showing(() -> Files.readString(log))
                .until("the node's capacity in participants, no free HD call", () -> {
                    Set<String> names = participantNames("status");
                    return names.size() == capacity && location().get("free_hd_calls").asLong() == 0 ? names : null;
                });

        // When callgen ends, after the hold
        assertTrue(callgen.waitFor(60, TimeUnit.SECONDS), "callgen ended");
        assertEquals(0, callgen.exitValue(), Files.readString(log));

        // Then its summary has the counts the platform saw, and every call was released
        JsonNode summary = summary(log);
        assertEquals(10, summary.get("attempted").asLong());
        assertEquals(capacity, summary.get("admitted").asLong());
        assertEquals(10 - capacity, summary.get("refused").asLong());
        assertEquals(10 - capacity, summary.get("refused_by_reason").get("capacity exceeded").asLong());
        assertEquals(0, summary.get("unanswered").asLong());
        assertEquals(capacity, summary.get("released").asLong());
        assertEquals(0, summary.get("active").asLong());
        assertEquals(capacity, summary.get("locations").get("Loopback").get("admitted").asLong());
        assertEquals(10, summary.get("request_token_ms").get("answers").asLong());
        awaitNoParticipants();
        assertTrue(participantNames("history").containsAll(listed), "history lists " + listed);
    }

    @Test
    void releasesEveryHeldCallWhenStopped() throws Exception {
        // Given callgen holding calls for 10 minutes, without end
        Path log = dir.resolve("callgen-stopped.log");
        Process callgen = callgens.startOnce(callgen("--rate", "5", "--hold", "10m", "--mix", "hd=1,audio=1"), log);
        Await.atMost(Duration.ofSeconds(60)).whileAlive(callgen).showing(() -> Files.readString(log))
                .until("calls held", () -> participantNames("status").size() >= 2);

        // When it is stopped (SIGTERM; Ctrl-C runs the same shutdown)
        callgen.destroy();
        assertTrue(callgen.waitFor(60, TimeUnit.SECONDS), "callgen ended");

        // Then it released every call it held, long before a token would have expired
        JsonNode summary = summary(log);
        long admitted = summary.get("admitted").asLong();
        assertTrue(admitted >= 2, summary.toString());
        assertEquals(admitted, summary.get("released").asLong(), summary.toString());
        assertEquals(0, summary.get("active").asLong());
        assertEquals(summary.get("attempted").asLong(), admitted + summary.get("refused").asLong()
                + summary.get("unanswered").asLong());
        awaitNoParticipants();
    }

    private List<String> callgen(String... options) {
        List<String> command = new ArrayList<>(List.of("callgen", "--alias", DemoCalls.ALIAS, "--nodes", clientApi,
                "--ca", caCertificate.toString(), "--format", "json"));
        command.addAll(List.of(options));
        return command;
    }

    private JsonNode summary(Path log) throws Exception {
        String line = Files.readAllLines(log).stream().filter(text -> text.startsWith("{\"alias\""))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no JSON summary in:\n" + readQuietly(log)));
        return json.readTree(line);
    }

    private void awaitNoParticipants() throws InterruptedException {
        // released calls leave the status within a load report (at once, at most 4 a second): well under 10 s
        Await.atMost(Duration.ofSeconds(10)).until("no participant left", () -> participantNames("status").isEmpty());
    }

    /** Display names of the callgen participants in {@code status} or {@code history}. */
    private Set<String> participantNames(String kind) throws Exception {
        Set<String> names = new TreeSet<>();
        JsonNode objects = platform.api.get("/api/admin/" + kind + "/v1/participant/?limit=1000").get("objects");
        objects.forEach(participant -> names.add(participant.get("display_name").asText()));
        names.removeIf(name -> !name.startsWith("callgen-"));
        return names;
    }

    private JsonNode location() throws Exception {
        return platform.api.get(ChannelPlatform.STATUS + "system_location/?name=Loopback").get("objects").get(0);
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }
}
