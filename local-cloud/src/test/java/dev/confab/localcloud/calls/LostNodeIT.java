package dev.confab.localcloud.calls;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.localcloud.testing.CallPlatform;
import dev.confab.localcloud.testing.ChannelPlatform;
import dev.confab.localcloud.testing.ClientApiClient;
import dev.confab.shared.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calls that end from the Management Node's side, across real processes with a 1 s heartbeat: the
 * disconnect commands, and a node that dies with calls, whose calls, signalled or hosted there,
 * end once it is declared lost (3 s of silence), on the Management Node and on the other node.
 */
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LostNodeIT {

    private static final String BOARD = "board@lost.example.com";
    private static final String SALES = "sales@lost.example.com";

    @TempDir
    static Path dir;
    private static CallPlatform platform;
    private static ChannelPlatform.Node first;
    private static ChannelPlatform.Node second;
    private static ClientApiClient client;

    @BeforeAll
    static void twoNodes() throws Exception {
        platform = new CallPlatform(dir);
        platform.licence(100);
        platform.service("Board", BOARD, Map.of());
        platform.service("Sales", SALES, Map.of());
        first = platform.node("ln-first", "127.0.1.151", platform.channel.location, "CONFERENCING", "c5.large");
        second = platform.node("ln-second", "127.0.1.152", platform.channel.location, "CONFERENCING", "c5.large");
        platform.awaitReady();
        client = platform.client();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    @Order(1)
    void anOperatorDisconnectsAParticipantOrAWholeConference() throws Exception {
        ClientApiClient.Answer alice = client.requestToken(second, BOARD, "Alice", null, null);
        ClientApiClient.Answer bob = client.requestToken(first, SALES, "Bob", null, null);
        ClientApiClient.Answer carol = client.requestToken(second, SALES, "Carol", "sd", null);
        awaitParticipants(3);

        JsonNode done = platform.channel.api.command("/api/admin/command/v1/participant/disconnect/",
                Map.of("participant_id", alice.result().get("participant_uuid").asText()));
        assertEquals(List.of(alice.result().get("participant_uuid").asText()),
                texts(done.get("result").get("disconnected")));
        assertEquals(403, client.refreshToken(second, BOARD, alice.token()).status());

        long salesId = platform.objects(ChannelPlatform.STATUS + "conference/?name=Sales").get(0).get("id").asLong();
        JsonNode ended = platform.channel.api.command("/api/admin/command/v1/conference/disconnect/",
                Map.of("conference_id", salesId));
        assertEquals(2, ended.get("result").get("disconnected").size(), ended.toString());
        assertEquals(403, client.refreshToken(first, SALES, bob.token()).status());
        assertEquals(403, client.refreshToken(second, SALES, carol.token()).status());
        awaitParticipants(0);
        platform.awaitLocationTokens("Loopback", 0);
        JsonNode log = platform.channel.api.get(ChannelPlatform.HISTORY + "admin_log/?action=disconnected");
        assertEquals(2, log.get("objects").size(), log.toString());

        IOExceptionCheck.assertStatus(404, () -> platform.channel.api.command(
                "/api/admin/command/v1/participant/disconnect/", Map.of("participant_id", "no-such-call")));
    }

    @Test
    @Order(2)
    void aNodeThatDiesFreesItsCallsOnceDeclaredLost() throws Exception {
        // the second node's calls take its room; one more goes to the first node, which also takes its own
        List<ClientApiClient.Answer> onSecond = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            onSecond.add(client.requestToken(second, BOARD, "Second " + i, null, null));
        }
        assertEquals(List.of("ln-second", "ln-second", "ln-second", "ln-first"), onSecond.stream()
                .map(answer -> answer.result().get("media_node").asText()).toList());
        ClientApiClient.Answer onFirst = client.requestToken(first, BOARD, "First", null, null);
        assertEquals("ln-first", onFirst.result().get("media_node").asText());
        awaitParticipants(5);
        assertEquals(5, platform.channel.api.get(ChannelPlatform.STATUS + "participant/?conference=Board")
                .get("meta").get("total_count").asInt());

        platform.channel.stopNode(first);

        // once declared lost, its own call and the second node's call it hosted end everywhere: on the
        // Management Node at once, on the second node with the answer to its next heartbeat
        awaitParticipants(3);
        java.util.concurrent.atomic.AtomicReference<String> hosted = new java.util.concurrent.atomic.AtomicReference<>(
                onSecond.get(3).token());
        Await.atMost(Duration.ofSeconds(10)).until("the call hosted by the lost node ended", () -> {
            ClientApiClient.Answer refreshed = client.refreshToken(second, BOARD, hosted.get());
            if (refreshed.success()) {
                hosted.set(refreshed.token());
                return null;
            }
            assertEquals(403, refreshed.status());
            return true;
        });
        for (int i = 0; i < 3; i++) {
            assertTrue(client.refreshToken(second, BOARD, onSecond.get(i).token()).success());
        }
        JsonNode history = platform.objects(ChannelPlatform.HISTORY + "participant/?disconnect_reason__icontains=lost");
        assertEquals(2, history.size(), history.toString());
        platform.awaitLocationTokens("Loopback", 16 + 3 * 16);
    }

    private static void awaitParticipants(int count) throws Exception {
        Await.atMost(Duration.ofSeconds(20)).until(count + " participants in status", () -> platform.objects(
                ChannelPlatform.STATUS + "participant/").size() == count ? true : null);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** Asserts that a management API call is refused with a status. */
    private static final class IOExceptionCheck {
        interface Call {
            void run() throws Exception;
        }

        static void assertStatus(int status, Call call) {
            try {
                call.run();
            } catch (Exception e) {
                assertTrue(e.getMessage().startsWith("HTTP " + status), e.getMessage());
                return;
            }
            throw new AssertionError("expected HTTP " + status);
        }
    }
}
