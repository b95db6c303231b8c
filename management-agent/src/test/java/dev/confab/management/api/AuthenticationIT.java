package dev.confab.management.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.testing.RunningNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static dev.confab.management.testing.Fixtures.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class AuthenticationIT {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    @Test
    void refusesARequestWithoutCredentials() {
        RunningNode.Response response = node.send("GET", CONFIG + "system_location/", null, null);
        assertEquals(401, response.status());
        assertTrue(response.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertTrue(response.body().get("error").asText().contains("Authentication required"));
    }

    @Test
    void refusesAWrongPasswordLogsItAndSlowsTheNextAttempt() {
        long start = System.nanoTime();
        assertEquals(401, node.send("GET", CONFIG, null, RunningNode.basic("admin", "wrong")).status());
        assertEquals(401, node.send("GET", CONFIG, null, RunningNode.basic("admin", "wrong again")).status());
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs >= 250 + 500, "two failures wait 250 ms then 500 ms, took " + elapsedMs);
        JsonNode log = node.get("/api/admin/history/v1/admin_log/?action=login_failed").body();
        assertTrue(log.get("meta").get("total_count").asInt() >= 2, log.toString());
        assertEquals("admin", log.get("objects").get(0).get("user").asText());
        assertEquals(200, node.get(CONFIG).status(), "a correct login still works");
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
