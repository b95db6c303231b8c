package dev.confab.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.shared.testing.Await;
import dev.confab.localcloud.testing.ChannelPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.confab.localcloud.testing.ChannelPlatform.STATUS;
import static dev.confab.localcloud.testing.ChannelPlatform.HISTORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Node health across real processes, with a 1 s heartbeat interval: status leaves "Never", a silent
 * node raises "Connectivity lost between nodes" within 3 intervals and clears it when it returns,
 * maintenance mode reaches the node within a second, and a deleted node is refused and stops.
 */
@Timeout(240)
class NodeHealthIT {

    @Test
    void statusAlarmsMaintenanceAndDeletionReachTheNodes(@TempDir Path dir) throws Exception {
        try (ChannelPlatform platform = new ChannelPlatform(dir)) {
            // Given two provisioned nodes, whose status read "Never" before they report
            ChannelPlatform.Node first = platform.provision("hc-cn1", "127.0.1.81", true);
            JsonNode before = platform.managementStatus(first);
            assertTrue(before.get("last_updated").isNull(), before.toString());
            ChannelPlatform.Node second = platform.provision("hc-cn2", "127.0.1.82", false);

            // Then both report: last contacted and last updated move from "Never", with capacity
            for (ChannelPlatform.Node node : new ChannelPlatform.Node[] {first, second}) {
                JsonNode status = Await.atMost(Duration.ofSeconds(60)).until(node.name + " synced", () -> {
                    JsonNode found = platform.managementStatus(node);
                    return found.get("sync_status").asText().equals("SYNCED") ? found : null;
                });
                assertFalse(status.get("last_attempted_contact").isNull(), status.toString());
                assertFalse(status.get("last_updated").isNull(), status.toString());
                assertTrue(status.get("max_hd_calls").asInt() > 0, status.toString());
                assertEquals("DEPLOYED", status.get("deploy_status").asText());
            }
            JsonNode location = platform.api.get(STATUS + "system_location/").get("objects").get(0);
            assertTrue(location.get("max_hd_calls").asInt() > 0, location.toString());

            // When maintenance mode is set on the Management Node, the node applies it within a second
            Instant set = Instant.now();
            platform.api.patch(first.uri, Map.of("maintenance_mode", true, "maintenance_mode_reason", "patching"));
            JsonNode maintained = Await.atMost(Duration.ofSeconds(10)).until("maintenance mode on the node", () -> {
                JsonNode status = platform.nodeStatus(first);
                return status.get("maintenance_mode").asBoolean() ? status : null;
            });
            Duration reached = Duration.between(set, Instant.now());
            System.out.println("maintenance mode reached the node in " + reached.toMillis() + " ms");
            assertTrue(reached.compareTo(Duration.ofSeconds(2)) < 0, "took " + reached);
            assertEquals("patching", maintained.get("maintenance_mode_reason").asText());

            // When a node goes silent, the alarm is raised within 3 intervals (+ one flush)
            platform.stopNode(second);
            Instant silent = Instant.now();
            JsonNode alarm = Await.atMost(Duration.ofSeconds(15)).until("the connectivity alarm", () -> {
                JsonNode alarms = platform.api.get(STATUS + "alarm/?node=" + second.name).get("objects");
                return alarms.isEmpty() ? null : alarms.get(0);
            });
            Duration raisedAfter = Duration.between(silent, Instant.now());
            System.out.println("alarm raised " + raisedAfter.toMillis() + " ms after the node went silent");
            assertEquals("Connectivity lost between nodes", alarm.get("name").asText());
            assertTrue(raisedAfter.compareTo(Duration.ofMillis(4500)) < 0, "raised after " + raisedAfter);
            assertEquals("UNREACHABLE", platform.managementStatus(second).get("sync_status").asText());

            // And cleared when it reports again, with the history keeping both times
            platform.startNode(second);
            Await.atMost(Duration.ofSeconds(60)).until("the alarm cleared", () ->
                    platform.api.get(STATUS + "alarm/?node=" + second.name).get("objects").isEmpty() ? true : null);
            JsonNode history = platform.api.get(HISTORY + "alarm/?node=" + second.name).get("objects").get(0);
            assertFalse(history.get("time_cleared").isNull(), history.toString());

            // When a node is deleted, its certificate is revoked: it is refused and stops reporting
            platform.api.delete(second.uri);
            JsonNode stopped = Await.atMost(Duration.ofSeconds(30)).until("the deleted node stops", () -> {
                JsonNode status = platform.nodeStatus(second);
                return status.get("reporting").asBoolean() ? null : status;
            });
            assertTrue(stopped.get("refusal").asText().contains("revoked"), stopped.toString());
            assertTrue(platform.managementLog().contains("Refused a node channel request"));
            assertTrue(Files.readString(second.log).contains("stops reporting"));
            assertFalse(Files.readString(second.log).contains("Enrolling again"), "a revoked node does not enrol again");
            assertEquals(0, platform.api.get(STATUS + "alarm/?node=" + second.name).get("objects").size());
        }
    }
}
