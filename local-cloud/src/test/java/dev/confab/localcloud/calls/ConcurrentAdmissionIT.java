package dev.confab.localcloud.calls;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.localcloud.testing.CallPlatform;
import dev.confab.localcloud.testing.ChannelPlatform;
import dev.confab.localcloud.testing.ClientApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Admission under concurrency, across real processes: the location Core has one node sized as a
 * c5.2xlarge (17 HD calls, 272 media tokens); two proxying edge nodes in the location Edge send
 * media to Core, their transcoding location. On this platform of several nodes the conference's
 * backplane takes one HD call of the Core node, so exactly (272 - 16) / 16 = 16 HD calls fit,
 * however many callers ask at once and through however many receiving nodes.
 */
@Timeout(600)
class ConcurrentAdmissionIT {

    private static final String ALIAS = "rush@concurrent.example.com";
    private static final int CALLERS = 200;
    private static final int ADMITTED = 16;

    @TempDir
    static Path dir;
    private static CallPlatform platform;
    private static ChannelPlatform.Node core;
    private static ChannelPlatform.Node edge1;
    private static ChannelPlatform.Node edge2;
    private static ClientApiClient client;
    private final List<String[]> held = new ArrayList<>();

    @BeforeAll
    static void coreAndEdge() throws Exception {
        // heartbeats every 3 s: a burst of 200 calls on a busy machine must not get a node declared lost
        platform = new CallPlatform(dir, Duration.ofSeconds(3));
        String coreUri = platform.location("Core", Map.of());
        String edgeUri = platform.location("Edge", Map.of("transcoding_location", coreUri));
        platform.licence(1000);
        platform.service("Rush", ALIAS, Map.of());
        core = platform.node("cc-core", "127.0.1.146", coreUri, "CONFERENCING", "c5.2xlarge");
        edge1 = platform.node("cc-edge1", "127.0.1.147", edgeUri, "PROXYING", "c5.2xlarge");
        edge2 = platform.node("cc-edge2", "127.0.1.148", edgeUri, "PROXYING", "c5.2xlarge");
        platform.awaitReady();
        client = platform.client(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @AfterEach
    void releaseTheAdmittedCalls() throws Exception {
        for (String[] call : held) {
            ChannelPlatform.Node node = call[0].equals(core.name) ? core : call[0].equals(edge1.name) ? edge1 : edge2;
            assertTrue(client.releaseToken(node, ALIAS, call[1]).success());
        }
        held.clear();
        platform.awaitLocationTokens("Core", 0);
    }

    @Test
    void twoHundredSimultaneousHdCallsToOneNodeAdmitExactlySixteen() throws Exception {
        List<ClientApiClient.Answer> answers = callAtOnce(List.of(core));
        assertOutcome(answers);
    }

    @Test
    void twoHundredSimultaneousHdCallsThroughTwoEdgeNodesAdmitExactlySixteenOnTheirTranscodingLocation()
            throws Exception {
        List<ClientApiClient.Answer> answers = callAtOnce(List.of(edge1, edge2));
        assertOutcome(answers);
        for (ClientApiClient.Answer answer : answers) {
            if (answer.success()) {
                assertEquals("cc-core", answer.result().get("media_node").asText());
                assertEquals("Core", answer.result().get("system_location").asText());
            }
        }
    }

    private List<ClientApiClient.Answer> callAtOnce(List<ChannelPlatform.Node> receivers) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<ClientApiClient.Answer>> futures = new ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < CALLERS; i++) {
                ChannelPlatform.Node receiver = receivers.get(i % receivers.size());
                String name = "Caller " + i;
                futures.add(callers.submit(() -> {
                    start.await();
                    return client.requestToken(receiver, ALIAS, name, "hd", null);
                }));
            }
            start.countDown();
            List<ClientApiClient.Answer> answers = new ArrayList<>();
            for (Future<ClientApiClient.Answer> future : futures) {
                ClientApiClient.Answer answer = future.get();
                answers.add(answer);
                if (answer.success()) {
                    held.add(new String[] {answer.result().get("signalling_node").asText(), answer.token()});
                }
            }
            return answers;
        } finally {
            callers.shutdownNow();
        }
    }

    private static void assertOutcome(List<ClientApiClient.Answer> answers) throws Exception {
        long admitted = answers.stream().filter(ClientApiClient.Answer::success).count();
        List<ClientApiClient.Answer> refused = answers.stream().filter(answer -> !answer.success()).toList();
        java.util.Map<String, Long> outcomes = answers.stream().collect(java.util.stream.Collectors.groupingBy(
                answer -> answer.status() + " " + (answer.success() ? "" : answer.result().asText()),
                java.util.stream.Collectors.counting()));
        assertEquals(ADMITTED, admitted, outcomes.toString());
        assertEquals(CALLERS - ADMITTED, refused.size());
        for (ClientApiClient.Answer answer : refused) {
            assertEquals(503, answer.status(), answer.toString());
            assertTrue(answer.result().asText().startsWith("capacity exceeded: no room for an HD call in"),
                    answer.toString());
        }
        platform.awaitLocationTokens("Core", 272);
        JsonNode node = platform.channel.managementStatus(core);
        assertEquals(272, node.get("media_tokens_used").asInt());
        assertEquals(0, node.get("free_hd_calls").asInt());
        assertEquals(ADMITTED, platform.objects(ChannelPlatform.STATUS + "participant/").size());
    }
}
