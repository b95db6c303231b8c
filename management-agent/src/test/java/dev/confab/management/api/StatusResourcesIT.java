package dev.confab.management.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.resource.catalog.ManagementNodeFacts;
import dev.confab.management.store.NodeStatusDao;
import dev.confab.management.store.NodeStatusRow;
import dev.confab.management.testing.Fixtures;
import dev.confab.management.testing.RunningNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static dev.confab.management.testing.Fixtures.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The status resources of the reference for what Confab knows (the Management Node, licensing, nodes
 * and locations, in the reference's units), one time format for every time, and the command index.
 */
@Timeout(60)
class StatusResourcesIT {

    private static final String STATUS = "/api/admin/status/v1/";
    private static final String COMMAND = "/api/admin/command/v1/";
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}";

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private static JsonNode only(String list) {
        JsonNode page = node.get(list).body();
        assertEquals(1, page.get("meta").get("total_count").asInt(), page.toString());
        return page.get("objects").get(0);
    }

    @Test
    void describesTheManagementNodeItself() {
        assertEquals(200, node.patch(CONFIG + "management_vm/1/", Map.of("description", "primary")).status());
        JsonNode status = only(STATUS + "management_vm/");
        assertEquals(1, status.get("configuration_id").asInt());
        assertEquals("Management Node", status.get("name").asText());
        assertTrue(status.get("primary").asBoolean());
        assertEquals("SYNCED", status.get("sync_status").asText());
        assertEquals("IDLE", status.get("upgrade_status").asText());
        assertTrue(status.get("last_updated").asText().matches(TIME), status.toString());
        assertTrue(status.get("last_attempted_contact").isNull());
        assertTrue(status.get("boot_time").asText().matches(TIME), status.toString());
        ManagementNodeFacts host = ManagementNodeFacts.ofThisProcess(Instant.now());
        assertEquals(host.cpuCount(), status.get("cpu_count").asInt());
        assertEquals(host.totalRamKb(), status.get("total_ram").asLong(), "total_ram is in KB");
        assertEquals(status, node.get(STATUS + "management_vm/1/").body());
    }

    @Test
    void countsLicencesValidNowAndTheUseCallsReport() {
        assertEquals(201, node.post(CONFIG + "licence/", Map.of("concurrent", 50, "audio", 100, "activatable", 10))
                .status());
        assertEquals(201, node.post(CONFIG + "licence/", Map.of("concurrent", 20, "start_date", "2000-01-01T00:00:00",
                "expiration_date", "2001-01-01T00:00:00")).status());
        // counts in use come from the calls in progress (none here; calls' own tests count them)

        JsonNode licensing = only(STATUS + "licensing/");
        assertEquals(50, licensing.get("port_total").asInt(), "the expired licence does not count");
        assertEquals(100, licensing.get("audio_total").asInt());
        assertEquals(10, licensing.get("system_total").asInt());
        assertEquals(0, licensing.get("port_count").asInt());
        assertEquals(0, licensing.get("audio_count").asInt());
        assertEquals(0, licensing.get("system_count").asInt());
    }

    @Test
    void givesANodesMemoryInKbAndItsBootTimeInTheApisFormat() {
        String location = Fixtures.createLocation(node, "Status");
        long id = Fixtures.id(Fixtures.createdPath(node.post(CONFIG + "worker_vm/",
                Fixtures.node("status-1", "10.6.0.11", location))));
        node.agent().store().write(handle -> {
            handle.attach(NodeStatusDao.class).upsert(List.of(new NodeStatusRow(id, "1.0", "2026-01-31T12:00:00.5Z",
                    null, null, 0, false, false, 0, 2, 4, 8, 64, 0, 64, 8, 16000)));
            return null;
        });
        JsonNode status = node.get(STATUS + "worker_vm/" + id + "/").body();
        assertEquals(16000L * 1024, status.get("total_ram").asLong());
        assertEquals("2026-01-31T12:00:00.500000", status.get("boot_time").asText());
        assertEquals("IDLE", status.get("upgrade_status").asText());
    }

    @Test
    void givesEveryStatusAndHistoryTimeInOneFormat() {
        assertEquals(200, node.patch(CONFIG + "management_vm/1/", Map.of("description", "timed")).status());
        int checked = 0;
        for (String api : List.of("status", "history")) {
            JsonNode index = node.get("/api/admin/" + api + "/v1/").body();
            for (Iterator<String> names = index.fieldNames(); names.hasNext(); ) {
                String resource = names.next();
                JsonNode fields = node.get(index.get(resource).get("schema").asText()).body().get("fields");
                for (JsonNode object : node.get(index.get(resource).get("list_endpoint").asText()).body().get("objects")) {
                    for (Iterator<String> fieldNames = fields.fieldNames(); fieldNames.hasNext(); ) {
                        String field = fieldNames.next();
                        JsonNode value = object.get(field);
                        if (fields.get(field).get("type").asText().equals("datetime") && value != null
                                && !value.isNull()) {
                            assertTrue(value.asText().matches(TIME), api + "/" + resource + "." + field + ": " + value);
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 2, "times were checked: " + checked);
    }

    @Test
    void listsEveryCommandItServes() {
        JsonNode index = node.get(COMMAND).body();
        JsonNode create = index.get("platform").get("commands").get("create_api_token");
        assertEquals(COMMAND + "platform/create_api_token/", create.get("endpoint").asText());
        assertTrue(create.get("fields").has("name"));
        assertTrue(index.get("platform").get("commands").has("revoke_api_token"));
        assertEquals(index.get("platform").get("commands"), node.get(COMMAND + "platform/").body());
        RunningNode.Response created = node.post(create.get("endpoint").asText(), Map.of("name", "indexed"));
        assertEquals(201, created.status(), "the listed endpoint serves the command: " + created.text());
        assertEquals(405, node.post(COMMAND, Map.of()).status());
        assertFalse(node.get(STATUS).body().path("licensing").isMissingNode(), "status/v1/ lists licensing");
    }
}
