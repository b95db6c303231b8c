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
 * Placement across real processes, as the deployment guide describes it: three locations, London
 * overflowing to Paris (primary) and then Berlin (secondary), one node each, sized as a c5.large
 * (4 HD calls, 64 media tokens); on this platform of several nodes each conference takes one HD
 * call of every node it uses for its backplane, so each node takes 3 HD calls of one conference.
 */
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlacementIT {

    private static final String BOARD = "board@placement.example.com";
    private static final String SALES = "sales@placement.example.com";

    @TempDir
    static Path dir;
    private static CallPlatform platform;
    private static ChannelPlatform.Node london;
    private static ClientApiClient client;
    private static String londonUri;

    @BeforeAll
    static void platformOfThreeLocations() throws Exception {
        platform = new CallPlatform(dir);
        String berlinUri = platform.location("Berlin", Map.of());
        String parisUri = platform.location("Paris", Map.of());
        londonUri = platform.location("London", Map.of("overflow_location1", parisUri, "overflow_location2",
                berlinUri));
        platform.licence(100);
        platform.service("Board", BOARD, Map.of());
        platform.service("Sales", SALES, Map.of());
        london = platform.node("pl-london", "127.0.1.141", londonUri, "CONFERENCING", "c5.large");
        platform.node("pl-paris", "127.0.1.142", parisUri, "CONFERENCING", "c5.large");
        platform.node("pl-berlin", "127.0.1.143", berlinUri, "CONFERENCING", "c5.large");
        platform.awaitReady();
        client = platform.client();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    @Order(1)
    void callsGoToTheOwnLocationThenThePrimaryThenTheSecondaryOverflowLocationThenAreRefused() throws Exception {
        List<String> tokens = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            ClientApiClient.Answer answer = client.requestToken(london, BOARD, "Caller " + i, "hd", null);
            assertTrue(answer.success(), answer.toString());
            assertEquals("pl-london", answer.result().get("signalling_node").asText());
            tokens.add(answer.token());
            locations.add(answer.result().get("system_location").asText());
            if (i == 1) {
                // an admitted call is in the Management Node's status of its location within half a second
                Duration visible = platform.awaitLocationTokens("London", 32);
                System.out.println("The first call was in status/v1/system_location " + visible.toMillis()
                        + " ms after request_token answered");
                assertTrue(visible.compareTo(Duration.ofMillis(500)) < 0, "took " + visible);
            }
        }
        assertEquals(List.of("London", "London", "London", "Paris", "Paris", "Paris", "Berlin", "Berlin", "Berlin"),
                locations);

        ClientApiClient.Answer refused = client.requestToken(london, BOARD, "One too many", "hd", null);
        assertEquals(503, refused.status());
        assertEquals("capacity exceeded: no room for an HD call in London, its primary overflow location Paris or its"
                + " secondary overflow location Berlin", refused.result().asText());

        for (String location : List.of("London", "Paris", "Berlin")) {
            platform.awaitLocationTokens(location, 64);
            assertEquals(0, platform.locationStatus(location).get("free_hd_calls").asInt());
        }
        // the status follows the ledger within 50 ms of a change: wait for the last call's row
        JsonNode participants = Await.atMost(Duration.ofSeconds(10)).until("the 9 calls in status/v1/participant",
                () -> {
                    JsonNode listed = platform.objects(ChannelPlatform.STATUS + "participant/?conference=Board");
                    return listed.size() == 9 ? listed : null;
                });
        assertEquals(9, participants.size(), participants.toString());
        assertEquals(1, platform.objects(ChannelPlatform.STATUS + "conference/").size());

        for (String token : tokens) {
            assertTrue(client.releaseToken(london, BOARD, token).success());
        }
        for (String location : List.of("London", "Paris", "Berlin")) {
            platform.awaitLocationTokens(location, 0);
            assertEquals(4, platform.locationStatus(location).get("free_hd_calls").asInt());
        }
    }

    @Test
    @Order(2)
    void endedCallsAndConferencesAreInTheHistory() throws Exception {
        JsonNode participants = Await.atMost(Duration.ofSeconds(10)).until("history",
                () -> {
                    JsonNode found = platform.objects(ChannelPlatform.HISTORY + "participant/?conference=Board");
                    return found.size() == 9 ? found : null;
                });
        assertEquals("ended", participants.get(0).get("disconnect_reason").asText());
        assertEquals("chair", participants.get(0).get("role").asText());
        assertEquals(BOARD, participants.get(0).get("destination_alias").asText());
        JsonNode conferences = platform.objects(ChannelPlatform.HISTORY + "conference/?name=Board");
        assertEquals(1, conferences.size(), conferences.toString());
        assertEquals(9, conferences.get(0).get("participant_count").asInt());
        assertEquals(0, platform.objects(ChannelPlatform.STATUS + "participant/").size());
        assertEquals(0, platform.objects(ChannelPlatform.STATUS + "conference/").size());
    }

    @Test
    @Order(3)
    void aNodeInMaintenanceModeTakesNoNewConferenceWhileItsConferencesGoOn() throws Exception {
        ClientApiClient.Answer board = client.requestToken(london, BOARD, "Before maintenance", "hd", null);
        assertEquals("London", board.result().get("system_location").asText());
        String londonNode = platform.channel.api.get(ChannelPlatform.CONFIG + "worker_vm/?name=pl-london")
                .get("objects").get(0).get("resource_uri").asText();
        platform.channel.api.patch(londonNode, Map.of("maintenance_mode", true, "maintenance_mode_reason", "test"));
        dev.confab.shared.testing.Await.atMost(Duration.ofSeconds(10)).until("maintenance mode on the node",
                () -> platform.channel.nodeStatus(london).get("maintenance_mode").asBoolean() ? true : null);

        ClientApiClient.Answer sales = client.requestToken(london, SALES, "New conference", "hd", null);
        assertEquals("pl-paris", sales.result().get("media_node").asText(), sales.toString());
        ClientApiClient.Answer more = client.requestToken(london, BOARD, "Same conference", "sd", null);
        assertEquals("pl-london", more.result().get("media_node").asText(), more.toString());
        ClientApiClient.Answer refreshed = client.refreshToken(london, BOARD, board.token());
        assertTrue(refreshed.success());
        assertEquals(0, platform.locationStatus("London").get("free_hd_calls").asInt(),
                "a location's free HD calls leave out nodes in maintenance mode");

        platform.channel.api.patch(londonNode, Map.of("maintenance_mode", false));
        for (String token : List.of(refreshed.token(), sales.token(), more.token())) {
            assertTrue(client.releaseToken(london, BOARD, token).success());
        }
    }
}
