package dev.confab.management.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.testing.Fixtures;
import dev.confab.management.testing.RunningNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static dev.confab.management.testing.Fixtures.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class ConfigurationCrudIT {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    static Stream<Arguments> collections() {
        return Stream.of(
                Arguments.of("system_location", Map.of("name", "Oslo"), "description", "Nordics"),
                Arguments.of("dns_server", Map.of("address", "192.0.2.53"), "description", "resolver"),
                Arguments.of("ntp_server", Map.of("address", "ntp.example.com"), "description", "time"),
                Arguments.of("static_route", Map.of("name", "corp", "address", "10.8.0.0", "prefix", 16,
                        "gateway", "10.0.0.254"), "name", "corp-net"),
                Arguments.of("conference", Map.of("name", "Board room"), "description", "Weekly"),
                Arguments.of("licence", Map.of("concurrent", 50), "description", "Site licence"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("collections")
    void createsReadsUpdatesReplacesAndDeletesEachResource(String resource, Map<String, Object> body, String field,
                                                           String newValue) {
        // Given a new object
        RunningNode.Response created = node.post(CONFIG + resource + "/", body);
        assertEquals(201, created.status(), created.text());
        String uri = created.body().get("resource_uri").asText();
        assertTrue(created.raw().headers().firstValue("Location").orElseThrow().endsWith(uri));

        // When it is read, listed and patched
        assertEquals(200, node.get(uri).status());
        assertTrue(node.get(CONFIG + resource + "/").body().get("meta").get("total_count").asLong() >= 1);
        RunningNode.Response patched = node.patch(uri, Map.of(field, newValue));
        assertEquals(200, patched.status(), patched.text());
        assertEquals(newValue, node.get(uri).body().get(field).asText());

        // And replaced with PUT, which keeps what the body names
        Map<String, Object> replacement = new HashMap<>(body);
        replacement.put(field, newValue + " v2");
        RunningNode.Response put = node.put(uri, replacement);
        assertEquals(200, put.status(), put.text());
        assertEquals(newValue + " v2", node.get(uri).body().get(field).asText());

        // Then a delete removes it
        assertEquals(204, node.delete(uri).status());
        assertEquals(404, node.get(uri).status());
    }

    @Test
    void createsAConferencingNodeInALocationAndListsIt() {
        String location = Fixtures.createLocation(node, "Frankfurt");
        RunningNode.Response created = node.post(CONFIG + "worker_vm/", Fixtures.node("fra-cn1", "10.1.0.11", location));
        assertEquals(201, created.status(), created.text());
        JsonNode detail = node.get(Fixtures.createdPath(created)).body();
        assertEquals(location, detail.get("system_location").asText());
        assertEquals("GLOBAL", detail.get("enable_ssh").asText());
        assertTrue(detail.get("enable_distributed_database").asBoolean());
        assertFalse(detail.has("password"), "the SSH password is write-only");
        assertEquals(204, node.delete(Fixtures.createdPath(created)).status());
        assertEquals(204, node.delete(location).status());
    }

    @Test
    void keepsAConferenceWithItsAliasesAndPin() {
        Map<String, Object> body = Fixtures.conference("Alice's VMR", "meet.alice@example.com", "8001");
        body.put("pin", "1234");
        RunningNode.Response created = node.post(CONFIG + "conference/", body);
        assertEquals(201, created.status(), created.text());
        assertEquals(2, created.body().get("aliases").size());
        RunningNode.Response aliases = node.get(CONFIG + "conference_alias/?conference="
                + created.body().get("id").asLong());
        assertEquals(2, aliases.body().get("meta").get("total_count").asInt());
        assertEquals(204, node.delete(created.body().get("resource_uri").asText()).status());
        assertEquals(0, node.get(CONFIG + "conference_alias/?alias=8001").body().get("meta").get("total_count").asInt(),
                "deleting a conference deletes its aliases");
    }

    @Test
    void managementNodeAndGlobalSettingsAreSingletons() {
        assertEquals(1, node.get(CONFIG + "global/").body().get("meta").get("total_count").asInt());
        assertEquals(405, node.post(CONFIG + "global/", Map.of()).status());
        assertEquals(405, node.delete(CONFIG + "global/1/").status());
        assertEquals(405, node.delete(CONFIG + "management_vm/1/").status());
        assertEquals(200, node.patch(CONFIG + "management_vm/1/", Map.of("description", "primary")).status());
    }

    @Test
    void describesEveryResourceAndItsFields() {
        JsonNode index = node.get(CONFIG).body();
        for (String resource : new String[] {"system_location", "worker_vm", "management_vm", "global", "conference",
                "conference_alias", "licence", "dns_server", "ntp_server", "static_route", "tls_certificate"}) {
            assertEquals(CONFIG + resource + "/", index.get(resource).get("list_endpoint").asText());
        }
        JsonNode schema = node.get(CONFIG + "worker_vm/schema/").body();
        JsonNode enableSsh = schema.get("fields").get("enable_ssh");
        assertEquals("string", enableSsh.get("type").asText());
        assertEquals("GLOBAL", enableSsh.get("default").asText());
        assertFalse(enableSsh.get("nullable").asBoolean());
        assertTrue(schema.get("fields").get("ipv6_address").get("nullable").asBoolean());
        assertEquals("related", schema.get("fields").get("system_location").get("type").asText());
        assertTrue(schema.get("fields").get("cloud_bursting").get("readonly").asBoolean());
    }

    @Test
    void answers404ForUnknownResourcesAndObjects() {
        assertEquals(404, node.get(CONFIG + "no_such_thing/").status());
        assertEquals(404, node.get(CONFIG + "system_location/999999/").status());
        assertEquals(404, node.get(CONFIG + "system_location/abc/").status());
    }
}
