package dev.confab.management.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.testing.Await;
import dev.confab.management.testing.RunningNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static dev.confab.management.testing.Fixtures.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bursting's status, settings and command through the management API of a running Management
 * Node without EC2 access: the resources are listed with their schemas, the guardrail settings are
 * validated, and a manual start says why it cannot be done.
 */
@Timeout(60)
class CloudBurstingApiIT {

    private static final String STATUS = "/api/admin/status/v1/";
    private static final String START = "/api/admin/command/v1/platform/start_cloudnode/";

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    @Test
    void listsWhatTheLastRunFoundWithItsSchemas() throws Exception {
        JsonNode summary = Await.until(Duration.ofSeconds(20), () -> node.get(STATUS + "cloud_bursting/1/").body(),
                found -> !found.get("last_run_time").isNull());
        assertEquals("closed", summary.get("circuit_breaker").asText());
        assertEquals(3000, summary.get("min_lifetime_seconds").asInt(), "50 minutes, the default");
        assertTrue(summary.get("describe_error").asText().contains("no AWS access is configured"), summary.toString());
        for (String resource : new String[] {"cloud_node", "cloud_monitored_location", "cloud_overflow_location",
                "cloud_bursting_note"}) {
            assertEquals(200, node.get(STATUS + resource + "/").status(), resource);
            assertEquals(200, node.get(STATUS + resource + "/schema/").status(), resource);
        }
        assertTrue(node.get(STATUS + "cloud_node/schema/").body().get("fields").has("cloud_instance_public_ip"));
        for (String resource : new String[] {"cloud_monitored_location", "cloud_overflow_location"}) {
            JsonNode fields = node.get(STATUS + resource + "/schema/").body().get("fields");
            assertTrue(fields.has("effective_threshold"), resource);
            assertTrue(fields.get("minutes_to_exhaustion").get("nullable").asBoolean(), resource);
        }
    }

    @Test
    void validatesThePlanningSettingsAndKeepsThemOffByDefault() {
        JsonNode defaults = node.get(CONFIG + "global/1/").body();
        assertFalse(defaults.get("bursting_latency_aware").asBoolean());
        assertFalse(defaults.get("bursting_keep_or_stop").asBoolean());
        assertEquals(5, defaults.get("bursting_assumed_start_latency").asInt());
        assertEquals(1, defaults.get("bursting_billed_minutes_per_start").asInt());
        RunningNode.Response refused = node.patch(CONFIG + "global/1/", Map.of("bursting_assumed_start_latency", 0));
        assertEquals(400, refused.status(), refused.text());
        assertTrue(refused.text().contains("bursting_assumed_start_latency"), refused.text());
        assertEquals(200, node.patch(CONFIG + "global/1/", Map.of("bursting_latency_aware", true,
                "bursting_keep_or_stop", true, "bursting_billed_minutes_per_start", 60)).status());
        JsonNode global = node.get(CONFIG + "global/1/").body();
        assertTrue(global.get("bursting_latency_aware").asBoolean());
        assertTrue(global.get("bursting_keep_or_stop").asBoolean());
        assertEquals(60, global.get("bursting_billed_minutes_per_start").asInt());
    }

    @Test
    void validatesTheGuardrailAndBreakerSettings() {
        RunningNode.Response refused = node.patch(CONFIG + "global/1/", Map.of("bursting_breaker_errors", 0));
        assertEquals(400, refused.status(), refused.text());
        assertEquals(200, node.patch(CONFIG + "global/1/", Map.of("bursting_max_running_nodes", 4,
                "bursting_breaker_window", 15)).status());
        JsonNode global = node.get(CONFIG + "global/1/").body();
        assertEquals(4, global.get("bursting_max_running_nodes").asInt());
        assertEquals(15, global.get("bursting_breaker_window").asInt());
        assertEquals(10, global.get("bursting_breaker_cooldown").asInt());
    }

    @Test
    void aPrewarmScheduleIsStoredAndAnUnknownTimeZoneIsRefusedSayingWhatToGive() {
        RunningNode.Response location = node.post(CONFIG + "system_location/", Map.of("name", "Overflow"));
        assertEquals(201, location.status(), location.text());
        String uri = location.body().get("resource_uri").asText();
        RunningNode.Response refused = node.post(CONFIG + "bursting_schedule/", Map.of("name", "weekday 9:00",
                "system_location", uri, "days", "mon,tue,wed,thu,fri", "peak_time", "09:00", "time_zone", "CET+1"));
        assertEquals(400, refused.status(), refused.text());
        assertTrue(refused.text().contains("time_zone") && refused.text().contains("IANA"), refused.text());

        RunningNode.Response stored = node.post(CONFIG + "bursting_schedule/", Map.of("name", "weekday 9:00",
                "system_location", uri, "days", "mon,tue,wed,thu,fri", "peak_time", "09:00",
                "time_zone", "Europe/London", "nodes", 3));
        assertEquals(201, stored.status(), stored.text());
        JsonNode schedule = node.get(stored.body().get("resource_uri").asText()).body();
        assertEquals(3, schedule.get("nodes").asInt());
        assertEquals(10, schedule.get("lead_minutes").asInt());
        assertEquals(200, node.get(CONFIG + "bursting_schedule/schema/").status());
    }

    @Test
    void aManualStartSaysWhatIsMissing() {
        RunningNode.Response missing = node.post(START, Map.of());
        assertEquals(400, missing.status(), missing.text());
        assertTrue(missing.text().contains("instance_id"), missing.text());

        RunningNode.Response noEc2 = node.post(START, Map.of("instance_id", "i-0123456789abcdef0"));
        assertEquals(502, noEc2.status(), noEc2.text());
        assertTrue(noEc2.text().contains("EC2 could not be described"), noEc2.text());
        assertTrue(node.get("/api/admin/command/v1/platform/").body().has("start_cloudnode"));
    }

    @Test
    void theNodeHistoryIsFilteredByNode() {
        RunningNode.Response history = node.get("/api/admin/history/v1/workervm_status_event/"
                + "?workervm_configuration_id=1");
        assertEquals(200, history.status(), history.text());
        assertEquals(0, history.body().get("meta").get("total_count").asInt());
    }
}
