package dev.confab.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.shared.testing.Await;
import dev.confab.localcloud.testing.ChannelPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static dev.confab.localcloud.testing.ChannelPlatform.CONFIG;
import static dev.confab.localcloud.testing.ChannelPlatform.HISTORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Configuration replication across real processes: every kind of change reaches the nodes, cloud
 * credentials never do, the nodes reconverge after the Management Node restarts, and a node with
 * the distributed database keeps serving its replica from disk while the Management Node is down.
 */
@Timeout(300)
class ReplicationIT {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyKindOfChangeReachesTheNodesWhichSurviveRestartsOfEitherSide(@TempDir Path dir) throws Exception {
        try (ChannelPlatform platform = new ChannelPlatform(dir)) {
            ChannelPlatform.Node keeper = platform.provision("rp-cn1", "127.0.1.83", true);
            ChannelPlatform.Node forgetful = platform.provision("rp-cn2", "127.0.1.84", false);

            // Each kind of change reaches the node that keeps its replica on disk
            String second = platform.api.post(CONFIG + "system_location/", Map.of("name", "Second"))
                    .get("resource_uri").asText();
            awaitReplica(keeper, "a new location", replica -> names(replica, "system_location").contains("Second"));
            platform.api.post(CONFIG + "conference/", Map.of("name", "Board", "service_type", "conference",
                    "pin", "4321", "aliases", List.of(Map.of("alias", "board@example.com"))));
            awaitReplica(keeper, "a conference and its alias", replica -> names(replica, "conference").contains("Board")
                    && values(replica, "conference_alias", "alias").contains("board@example.com"));
            platform.api.post(CONFIG + "licence/", Map.of("concurrent", 25, "description", "Site"));
            awaitReplica(keeper, "a licence", replica -> values(replica, "licence", "description").contains("Site"));
            platform.api.patch(CONFIG + "global/1/", Map.of("bursting_threshold", 7, "aws_access_key", "AKIAEXAMPLEKEY",
                    "aws_secret_key", "wJalrXUtnFEMI-secret"));
            awaitReplica(keeper, "global settings", replica -> values(replica, "global", "bursting_threshold")
                    .contains("7"));
            platform.api.post(CONFIG + "worker_vm/", DemoNodes.nodeRequest("rp-cn3", "127.0.1.85", second));
            awaitReplica(keeper, "a node joining the mesh", replica -> names(replica, "worker_vm").contains("rp-cn3"));
            String replicaText = Files.readString(keeper.data.resolve("replica.json"));
            assertFalse(replicaText.contains("AKIAEXAMPLEKEY") || replicaText.contains("wJalrXUtnFEMI-secret"),
                    "cloud credentials never leave the Management Node");
            assertFalse(replicaText.contains("$6$"), "nor password hashes");

            // Both nodes reach the newest revision; only one keeps it on disk; the log says who has what
            long revision = platform.revision();
            for (ChannelPlatform.Node node : List.of(keeper, forgetful)) {
                awaitRevision(platform, node, revision);
            }
            assertFalse(platform.nodeStatus(forgetful).get("replica_on_disk").asBoolean());
            assertFalse(Files.exists(forgetful.data.resolve("replica.json")));
            JsonNode updates = platform.api.get(HISTORY + "admin_log/?action=config_applied&object_name=rp-cn1&limit=0");
            assertTrue(updates.get("objects").toString().contains("updated to configuration revision " + revision),
                    updates.toString());

            // When the Management Node restarts, every node reconverges on the next change
            platform.stopManagement();
            platform.startManagement();
            Instant restarted = Instant.now();
            platform.api.post(CONFIG + "system_location/", Map.of("name", "After restart"));
            long afterRestart = platform.revision();
            for (ChannelPlatform.Node node : List.of(keeper, forgetful)) {
                awaitRevision(platform, node, afterRestart);
                String contacted = platform.managementStatus(node).get("last_attempted_contact").asText();
                assertTrue(Instant.parse(contacted + "Z").isAfter(restarted.minusSeconds(1)), contacted);
            }

            // While the Management Node is down, restarted nodes keep what they had only with the distributed database
            platform.stopManagement();
            platform.stopNode(keeper);
            platform.stopNode(forgetful);
            platform.startNode(keeper);
            platform.startNode(forgetful);
            JsonNode kept = Await.atMost(Duration.ofSeconds(30)).until("the keeper's replica", () -> {
                JsonNode status = platform.nodeStatus(keeper);
                return status.get("applied_revision").isNull() ? null : status;
            });
            assertEquals(afterRestart, kept.get("applied_revision").asLong());
            assertTrue(kept.get("replica_on_disk").asBoolean());
            assertTrue(platform.nodeStatus(forgetful).get("applied_revision").isNull(),
                    "the in-memory replica is fetched again at boot");

            // And once the Management Node is back, the other node fetches it again
            platform.startManagement();
            awaitRevision(platform, forgetful, afterRestart);
        }
    }

    private JsonNode replica(ChannelPlatform.Node node) throws Exception {
        return json.readTree(Files.readString(node.data.resolve("replica.json"))).get("config").get("resources");
    }

    private void awaitReplica(ChannelPlatform.Node node, String what, Predicate<JsonNode> test) throws Exception {
        Instant start = Instant.now();
        Await.atMost(Duration.ofSeconds(10)).until(what + " on " + node.name, () -> test.test(replica(node)) ? true : null);
        System.out.println(what + " reached " + node.name + " in " + Duration.between(start, Instant.now()).toMillis()
                + " ms");
    }

    private static void awaitRevision(ChannelPlatform platform, ChannelPlatform.Node node, long revision)
            throws Exception {
        Await.atMost(Duration.ofSeconds(60)).until(node.name + " at revision " + revision, () ->
                platform.nodeStatus(node).get("applied_revision").asLong(-1) == revision
                        && platform.managementStatus(node).get("sync_status").asText().equals("SYNCED") ? true : null);
    }

    private static List<String> names(JsonNode replica, String resource) {
        return values(replica, resource, "name");
    }

    private static List<String> values(JsonNode replica, String resource, String field) {
        List<String> values = new java.util.ArrayList<>();
        replica.get(resource).forEach(object -> values.add(object.path(field).asText()));
        return values;
    }
}
