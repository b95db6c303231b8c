package dev.confab.localcloud.calls;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.localcloud.testing.CallPlatform;
import dev.confab.localcloud.testing.ChannelPlatform;
import dev.confab.localcloud.testing.ClientApiClient;
import dev.confab.localcloud.testing.TokenRefresher;
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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client API's rules across real processes, on one node whose tokens last 4 s: aliases, PINs
 * and roles, bad input, the participant limit, the platform's licences, token expiry, and what a
 * node does while the Management Node cannot be reached.
 */
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdmissionRulesIT {

    private static final String OPEN = "open@rules.example.com";
    private static final String SECURE = "secure@rules.example.com";
    private static final String PRIVATE = "private@rules.example.com";
    private static final String HALL = "hall@rules.example.com";
    private static final String SMALL = "small@rules.example.com";

    @TempDir
    static Path dir;
    private static CallPlatform platform;
    private static ChannelPlatform.Node node;
    private static ClientApiClient client;
    private static String licence;

    @BeforeAll
    static void oneNodeWithShortTokens() throws Exception {
        platform = new CallPlatform(dir);
        licence = platform.licence(100);
        platform.service("Open", OPEN, Map.of());
        platform.service("Secure", SECURE, Map.of("pin", "1234", "guest_pin", "5678", "allow_guests", true));
        platform.service("Private", PRIVATE, Map.of("pin", "1111", "allow_guests", false));
        platform.service("Hall", HALL, Map.of("service_type", "lecture", "pin", "2222", "allow_guests", true,
                "max_pixels_per_second", "sd"));
        platform.service("Small", SMALL, Map.of("participant_limit", 2));
        platform.channel.api.post(ChannelPlatform.CONFIG + "conference/", Map.of("name", "Test call", "service_type",
                "test_call", "aliases", List.of(Map.of("alias", "test@rules.example.com"))));
        node = platform.node("ru-cn1", "127.0.1.145", platform.channel.location, "CONFERENCING", "c5.2xlarge",
                "--token-lifetime-seconds", "4");
        platform.awaitReady();
        client = platform.client();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    @Order(1)
    void pinsDecideTheRoleAndGuestsJoinOnlyWhereAllowed() throws Exception {
        assertEquals("HOST", role(client.requestToken(node, OPEN, "Anyone", null, null)));
        assertEquals("HOST", role(client.requestToken(node, SECURE, "Host", null, "1234")));
        assertEquals("GUEST", role(client.requestToken(node, SECURE, "Guest", null, "5678")));
        assertRefused(403, "invalid PIN", client.requestToken(node, SECURE, "Wrong", null, "0000"));
        assertRefused(403, "a PIN is required: give the host PIN or the guest PIN in the pin header",
                client.requestToken(node, SECURE, "None", null, null));
        assertRefused(403, "invalid PIN (this conference takes no guests)",
                client.requestToken(node, PRIVATE, "Guest", null, "5678"));
        assertEquals("GUEST", role(client.requestToken(node, HALL, "Audience", "full_hd", null)));
        ClientApiClient.Answer presenter = client.requestToken(node, HALL, "Presenter", "full_hd", "2222");
        assertEquals("HOST", role(presenter));
        assertEquals("sd", presenter.result().get("call_type").asText(), "the auditorium offers SD at most");
        assertEquals("Hall", presenter.result().get("conference").asText());
    }

    @Test
    @Order(2)
    void unknownAliasesAndBadInputAreRefusedNamingWhatIsWrong() throws Exception {
        assertRefused(404, "no Virtual Meeting Room or Virtual Auditorium has the alias nobody@rules.example.com",
                client.requestToken(node, "nobody@rules.example.com", "Alice", null, null));
        assertRefused(404, "the alias test@rules.example.com belongs to a test_call service, which the client API"
                + " does not join", client.requestToken(node, "test@rules.example.com", "Alice", null, null));
        assertRefused(400, "display_name: required: the name others see",
                client.post(node, OPEN, "request_token", "{}", Map.of()));
        assertRefused(400, "display_name: at most 250 characters",
                client.requestToken(node, OPEN, "x".repeat(251), null, null));
        assertRefused(400, "call_type: unknown call type 4k; use one of full_hd, hd, sd, audio",
                client.requestToken(node, OPEN, "Alice", "4k", null));
        ClientApiClient.Answer malformed = client.post(node, OPEN, "request_token", "{\"display_name\": ", Map.of());
        assertEquals(400, malformed.status());
        assertTrue(malformed.result().asText().startsWith("body: malformed JSON"), malformed.toString());
        assertRefused(403, "invalid token", client.refreshToken(node, OPEN, "not-a-token"));
        assertRefused(403, "invalid token", client.releaseToken(node, OPEN, "not-a-token"));
    }

    @Test
    @Order(3)
    void theParticipantLimitIsNeverExceeded() throws Exception {
        awaitIdle();
        ClientApiClient.Answer first = client.requestToken(node, SMALL, "One", null, null);
        ClientApiClient.Answer second = client.requestToken(node, SMALL, "Two", null, null);
        assertTrue(first.success() && second.success());
        assertRefused(503, "capacity exceeded: the participant limit of Small (2) is reached",
                client.requestToken(node, SMALL, "Three", null, null));
        JsonNode participants = client.participants(node, SMALL, first.token()).result();
        assertEquals(2, participants.size(), participants.toString());
        assertEquals("ru-cn1", participants.get(0).get("media_node").asText());
    }

    @Test
    @Order(4)
    void aTokenNotRefreshedExpiresAndFreesItsCapacity() throws Exception {
        awaitIdle();
        ClientApiClient.Answer kept = client.requestToken(node, OPEN, "Kept", null, null);
        assertTrue(kept.success(), kept.toString());
        assertEquals("4", kept.result().get("expires").asText());
        try (TokenRefresher caller = new TokenRefresher(client, node, OPEN, kept.token())) {
            ClientApiClient.Answer dropped = client.requestToken(node, OPEN, "Dropped", null, null);
            assertTrue(dropped.success(), dropped.toString());
            // a platform of one node: no backplane; the dropped call's 16 tokens are freed when it expires
            platform.awaitLocationTokens("Loopback", 16);
            assertRefused(403, "invalid token", client.refreshToken(node, OPEN, dropped.token()));
            assertRefused(403, "invalid token", client.refreshToken(node, OPEN, kept.token()));
            caller.close();
            assertTrue(client.releaseToken(node, OPEN, caller.token()).success(), "the kept call went on");
        }
        platform.awaitLocationTokens("Loopback", 0);
    }

    @Test
    @Order(5)
    void theLicencesAreAPlatformWideLimit() throws Exception {
        awaitIdle();
        platform.channel.api.patch(licence, Map.of("concurrent", 2));
        ClientApiClient.Answer first = Await.atMost(Duration.ofSeconds(10)).until("the smaller licence read", () -> {
            ClientApiClient.Answer one = client.requestToken(node, OPEN, "One", null, null);
            ClientApiClient.Answer two = client.requestToken(node, OPEN, "Two", null, null);
            ClientApiClient.Answer three = client.requestToken(node, OPEN, "Three", null, null);
            if (three.status() == 503) {
                assertTrue(one.success() && two.success());
                assertEquals("capacity exceeded: all 2 call licences are in use", three.result().asText());
                return one;
            }
            for (ClientApiClient.Answer answer : List.of(one, two, three)) {
                client.releaseToken(node, OPEN, answer.token());
            }
            return null;
        });
        assertTrue(client.releaseToken(node, OPEN, first.token()).success());
        // the released licence is free again as soon as the node's report arrives
        Await.atMost(Duration.ofSeconds(5)).until("the released licence", () -> {
            ClientApiClient.Answer again = client.requestToken(node, OPEN, "Again", null, null);
            return again.success() ? again : null;
        });
        platform.channel.api.patch(licence, Map.of("concurrent", 100));
    }

    @Test
    @Order(6)
    void withoutTheManagementNodeNewCallsAreRefusedAndCallsInProgressGoOn() throws Exception {
        awaitIdle();
        ClientApiClient.Answer call = client.requestToken(node, OPEN, "In progress", null, null);
        assertTrue(call.success());
        try (TokenRefresher caller = new TokenRefresher(client, node, OPEN, call.token())) {
            platform.channel.stopManagement();

            ClientApiClient.Answer refused = client.requestToken(node, OPEN, "New", null, null);
            assertEquals(503, refused.status());
            assertTrue(refused.result().asText().startsWith("licence unavailable: the Management Node cannot be"
                    + " reached"), refused.toString());
            JsonNode participants = client.participants(node, OPEN, caller.token()).result();
            assertEquals(1, participants.size(), "this node's own calls, while the Management Node is away");

            platform.channel.startManagement();
            ClientApiClient.Answer again = Await.atMost(Duration.ofSeconds(30)).until("admission again", () -> {
                ClientApiClient.Answer tried = client.requestToken(node, OPEN, "After", null, null);
                return tried.success() ? tried : null;
            });
            // the call that went on is counted again from the node's report, with the new one
            Await.atMost(Duration.ofSeconds(10)).until("both calls in status", () -> platform.objects(
                    ChannelPlatform.STATUS + "participant/?conference=Open").size() == 2 ? true : null);
            assertTrue(client.releaseToken(node, OPEN, again.token()).success());
            caller.close();
            assertTrue(client.releaseToken(node, OPEN, caller.token()).success());
        }
    }

    /**
     * Waits until the calls of earlier tests have expired (tokens last 4 s here) on the node, then
     * on the Management Node, which hears of the last of them a moment later.
     */
    private static void awaitIdle() throws Exception {
        Await.atMost(Duration.ofSeconds(20)).until("no call on the node", () -> {
            JsonNode status = platform.channel.nodeStatus(node);
            return status.get("calls_signalled").asInt() == 0 && status.get("media_tokens_used").asInt() == 0
                    ? true : null;
        });
        platform.awaitLocationTokens("Loopback", 0);
        Await.atMost(Duration.ofSeconds(10)).until("no licence in use", () -> platform.objects(
                ChannelPlatform.STATUS + "participant/").isEmpty() ? true : null);
    }

    private static String role(ClientApiClient.Answer answer) {
        assertTrue(answer.success(), answer.toString());
        return answer.result().get("role").asText();
    }

    private static void assertRefused(int status, String message, ClientApiClient.Answer answer) {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals("failed", answer.body().get("status").asText());
        assertEquals(message, answer.result().asText());
        assertFalse(answer.success());
    }
}
