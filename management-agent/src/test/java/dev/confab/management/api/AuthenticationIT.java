package dev.confab.management.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.testing.RunningNode;
import dev.confab.management.testing.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.confab.management.testing.Fixtures.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class AuthenticationIT {

    private static final SettableClock CLOCK = new SettableClock(Instant.now());

    @RegisterExtension
    static final RunningNode node = new RunningNode(CLOCK);

    @Test
    void refusesARequestWithoutCredentials() {
        RunningNode.Response response = node.send("GET", CONFIG + "system_location/", null, null);
        assertEquals(401, response.status());
        assertTrue(response.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertTrue(response.body().get("error").asText().contains("Authentication required"));
    }

    @Test
    void refusesAWrongPasswordLogsItAndStillAcceptsTheRightOne() {
        CLOCK.advance(Duration.ofMinutes(1)); // the failures below start a minute of their own in the log
        assertEquals(401, node.send("GET", CONFIG, null, RunningNode.basic("admin", "wrong")).status());
        assertEquals(401, node.send("GET", CONFIG, null, RunningNode.basic("admin", "wrong again")).status());
        assertEquals(200, node.get(CONFIG).status(), "a correct login still works");

        CLOCK.advance(Duration.ofMinutes(1));
        JsonNode line = node.awaitAdminLog("action=login_failed",
                "2 failed logins for admin from 127.0.0.1 in the last minute");
        assertEquals("admin", line.get("user").asText());
    }

    @Test
    void acceptsAnApiTokenUntilItIsRevoked() {
        RunningNode.Response issued = node.post("/api/admin/command/v1/platform/create_api_token/", Map.of("name", "ci"));
        assertEquals(201, issued.status(), issued.text());
        String bearer = "Bearer " + issued.body().get("token").asText();
        assertEquals(200, node.send("GET", CONFIG + "global/1/", null, bearer).status());
        RunningNode.Response created = node.send("POST", CONFIG + "dns_server/", "{\"address\": \"192.0.2.1\"}", bearer);
        assertEquals(201, created.status());
        JsonNode entry = node.get("/api/admin/history/v1/admin_log/?resource=dns_server").body().get("objects").get(0);
        assertEquals("token:ci", entry.get("user").asText());
        assertEquals(200, node.post("/api/admin/command/v1/platform/revoke_api_token/", Map.of("name", "ci")).status());
        assertEquals(401, node.send("GET", CONFIG + "global/1/", null, bearer).status());
    }
}
