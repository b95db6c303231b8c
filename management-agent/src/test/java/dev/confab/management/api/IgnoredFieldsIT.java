package dev.confab.management.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.testing.Fixtures;
import dev.confab.management.testing.RunningNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Optional;

import static dev.confab.management.testing.Fixtures.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Body fields a resource does not take are ignored, as the reference platform ignores them, and
 * named in {@code X-Confab-Ignored-Fields}; their values change nothing. A body that is not exactly
 * one JSON object is refused.
 */
@Timeout(60)
class IgnoredFieldsIT {

    @RegisterExtension
    static final RunningNode node = new RunningNode();
    private static String london;

    @BeforeAll
    static void start() {
        london = Fixtures.createLocation(node, "London");
    }

    private static RunningNode.Response raw(String method, String path, String json) {
        return node.send(method, path, json, RunningNode.basic(RunningNode.USER, RunningNode.PASSWORD));
    }

    private static Optional<String> ignored(RunningNode.Response response) {
        return response.raw().headers().firstValue("X-Confab-Ignored-Fields");
    }

    private static long revision() {
        return node.agent().configuration().revision();
    }

    @Test
    void registersANodeFromAReferenceScriptThatSendsFieldsConfabDoesNotKeep() {
        RunningNode.Response created = raw("POST", CONFIG + "worker_vm/", """
                {"name": "ref-cn1", "hostname": "ref-cn1", "domain": "vc.example.com",
                 "address": "10.0.0.21", "netmask": "255.255.255.0", "gateway": "10.0.0.1",
                 "system_location": "%s", "node_type": "CONFERENCING",
                 "deployment_type": "MANUAL-PROVISION-ONLY", "password": "changeme",
                 "ssh_authorized_keys_use_cloud": false, "deploy_status": "DEPLOYED", "snmp_mode": "DISABLED",
                 "upgrade_status": "IDLE"}
                """.formatted(london));
        assertEquals(201, created.status(), created.text());
        assertEquals(Optional.of("deploy_status, upgrade_status"), ignored(created), "named in the body's order");
        JsonNode stored = node.get(Fixtures.createdPath(created)).body();
        assertEquals("ref-cn1", stored.get("name").asText());
        assertFalse(stored.get("ssh_authorized_keys_use_cloud").asBoolean(), "a field of the reference is kept");
        assertFalse(stored.has("deploy_status"));
    }

    @Test
    void ignoresTheValuesOfReadOnlyAndComputedFieldsAndNamesThem() {
        RunningNode.Response created = node.send("POST", CONFIG + "worker_vm/",
                Fixtures.node("ro-cn1", "10.0.0.22", london), RunningNode.basic(RunningNode.USER, RunningNode.PASSWORD),
                "application/json");
        assertEquals(201, created.status(), created.text());
        String uri = created.body().get("resource_uri").asText();
        long id = created.body().get("id").asLong();

        RunningNode.Response patched = raw("PATCH", uri, """
                {"id": 999, "enrolment_status": "ENROLLED", "cloud_bursting": true,
                 "resource_uri": "/api/admin/configuration/v1/worker_vm/999/", "description": "patched"}""");
        assertEquals(200, patched.status(), patched.text());
        assertEquals(Optional.of("id, enrolment_status, cloud_bursting, resource_uri"), ignored(patched));

        JsonNode stored = node.get(uri).body();
        assertEquals(id, stored.get("id").asLong());
        assertEquals("NOT_ENROLLED", stored.get("enrolment_status").asText());
        assertFalse(stored.get("cloud_bursting").asBoolean());
        assertEquals("patched", stored.get("description").asText());
        assertEquals(404, node.get(CONFIG + "worker_vm/999/").status());
    }

    @Test
    void ignoresAnIdOnCreateAndUnknownFieldsOnPut() {
        RunningNode.Response created = raw("POST", CONFIG + "system_location/", """
                {"id": 4242, "name": "Paris", "live_captions_dial_out1": null}""");
        assertEquals(201, created.status(), created.text());
        assertEquals(Optional.of("id, live_captions_dial_out1"), ignored(created));
        assertTrue(created.body().get("id").asLong() != 4242, created.text());
        String uri = created.body().get("resource_uri").asText();

        RunningNode.Response put = raw("PUT", uri, """
                {"name": "Paris", "mtu": 1400, "bdpm_pin_checks_enabled": "GLOBAL"}""");
        assertEquals(200, put.status(), put.text());
        assertEquals(Optional.of("bdpm_pin_checks_enabled"), ignored(put));
        assertEquals(1400, node.get(uri).body().get("mtu").asInt());
    }

    @Test
    void sendsNoHeaderWhenNothingWasIgnored() {
        RunningNode.Response created = node.post(CONFIG + "system_location/", Fixtures.location("Berlin"));
        assertEquals(201, created.status(), created.text());
        assertEquals(Optional.empty(), ignored(created));
        RunningNode.Response patched = node.patch(created.body().get("resource_uri").asText(), Map.of("mtu", 1450));
        assertEquals(200, patched.status(), patched.text());
        assertEquals(Optional.empty(), ignored(patched));
    }

    @Test
    void stillRefusesAKnownFieldWithABadValueBesideAnIgnoredOne() {
        long before = revision();
        RunningNode.Response refused = raw("POST", CONFIG + "system_location/", """
                {"name": "Rome", "mtu": "big", "colour": "red"}""");
        assertEquals(400, refused.status(), refused.text());
        assertTrue(refused.body().get("fields").has("mtu"), refused.text());
        assertFalse(refused.body().get("fields").has("colour"), refused.text());
        assertEquals(before, revision(), "a refused write makes no revision");
    }

    @Test
    void namesHostileFieldNamesWithoutSplittingTheHeader() {
        RunningNode.Response created = raw("POST", CONFIG + "system_location/", """
                {"name": "Vienna", "a\\r\\nSet-Cookie: x=1": 1, "b, c": 2}""");
        assertEquals(201, created.status(), created.text());
        assertEquals(Optional.of("a%0D%0ASet-Cookie%3A+x%3D1, b%2C+c"), ignored(created));
        assertTrue(created.raw().headers().allValues("Set-Cookie").isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "[{\"name\": \"Array\"}]",
            "\"Scalar\"",
            "42",
            "null",
            "{\"name\": \"Trailing\"} garbage",
            "{\"name\": \"Second\"} {\"name\": \"Document\"}",
            "{\"name\": \"Closed\"}}"})
    void refusesABodyThatIsNotExactlyOneJsonObject(String body) {
        long before = revision();
        RunningNode.Response refused = raw("POST", CONFIG + "system_location/", body);
        assertEquals(400, refused.status(), refused.text());
        assertTrue(refused.body().get("error").isTextual(), "the API's JSON error: " + refused.text());
        assertEquals(before, revision(), "nothing was written");
        RunningNode.Response patch = raw("PATCH", london, body);
        assertEquals(400, patch.status(), patch.text());
        assertEquals("London", node.get(london).body().get("name").asText());
    }
}
