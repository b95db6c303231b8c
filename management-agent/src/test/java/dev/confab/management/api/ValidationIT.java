package dev.confab.management.api;

import dev.confab.management.testing.Fixtures;
import dev.confab.management.testing.RunningNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static dev.confab.management.testing.Fixtures.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deployment guide's validation rules, each refused with a message on the offending field. */
@Timeout(60)
class ValidationIT {

    @RegisterExtension
    static final RunningNode node = new RunningNode();
    private static String london;

    @BeforeAll
    static void start() {
        london = Fixtures.createLocation(node, "London");
        assertEquals(201, node.post(CONFIG + "worker_vm/", Fixtures.node("lon-cn1", "10.0.0.11", london)).status());
    }

    private static void assertRefused(RunningNode.Response response, String field, String messagePart) {
        assertEquals(400, response.status(), response.text());
        assertTrue(response.body().get("fields").has(field), "expected an error on " + field + ": " + response.text());
        String message = response.body().get("fields").get(field).asText();
        assertTrue(message.contains(messagePart), "message '" + message + "' should mention '" + messagePart + "'");
    }

    private static Map<String, Object> nodeWith(String key, Object value) {
        Map<String, Object> body = Fixtures.node("lon-cn9", "10.0.0.19", london);
        body.put(key, value);
        return body;
    }

    @Test
    void refusesDuplicateNameHostnameAndAddressOfNodes() {
        assertRefused(node.post(CONFIG + "worker_vm/", nodeWith("name", "lon-cn1")), "name", "already has");
        assertRefused(node.post(CONFIG + "worker_vm/", nodeWith("hostname", "lon-cn1")), "hostname", "already has");
        assertRefused(node.post(CONFIG + "worker_vm/", nodeWith("address", "10.0.0.11")), "address", "already has");
    }

    @Test
    void refusesAnUpdateToAnotherNodesNameOrAddressButKeepsItsOwn() {
        RunningNode.Response created = node.post(CONFIG + "worker_vm/", Fixtures.node("lon-cn2", "10.0.0.12", london));
        assertEquals(201, created.status(), created.text());
        String second = Fixtures.createdPath(created);
        try {
            assertRefused(node.patch(second, Map.of("name", "lon-cn1")), "name", "already has");
            assertRefused(node.patch(second, Map.of("address", "10.0.0.11")), "address", "already has");
            // a write that gives the node's own unique values again, or leaves them, is no duplicate
            assertEquals(200, node.patch(second, Map.of("name", "lon-cn2", "description", "kept")).status());
            assertEquals("kept", node.get(second).body().get("description").asText());
        } finally {
            assertEquals(204, node.delete(second).status());
        }
    }

    @Test
    void refusesMovingANodeIntoALocationOfTheOtherNodeTypeOrChangingItsTypeThere() {
        String paris = Fixtures.createLocation(node, "Paris-types");
        Map<String, Object> proxy = Fixtures.node("par-px1", "10.0.0.31", paris);
        proxy.put("node_type", "PROXYING");
        RunningNode.Response created = node.post(CONFIG + "worker_vm/", proxy);
        assertEquals(201, created.status(), created.text());
        String proxyNode = Fixtures.createdPath(created);
        try {
            assertRefused(node.patch(proxyNode, Map.of("system_location", london)), "node_type", "never mixes");
            RunningNode.Response second = node.post(CONFIG + "worker_vm/", Fixtures.node("par-cn2", "10.0.0.32", paris));
            assertRefused(second, "node_type", "never mixes");
            // alone in its location, a node may change its type; beside another, it may not
            assertEquals(200, node.patch(proxyNode, Map.of("node_type", "CONFERENCING")).status());
            RunningNode.Response third = node.post(CONFIG + "worker_vm/", Fixtures.node("par-cn3", "10.0.0.33", paris));
            assertEquals(201, third.status(), third.text());
            assertRefused(node.patch(proxyNode, Map.of("node_type", "PROXYING")), "node_type", "never mixes");
            assertEquals(204, node.delete(Fixtures.createdPath(third)).status());
        } finally {
            assertEquals(204, node.delete(proxyNode).status());
        }
    }

    @Test
    void refusesAGatewayOutsideTheSubnetButAcceptsAnyGatewayOnASlash32() {
        assertRefused(node.post(CONFIG + "worker_vm/", nodeWith("gateway", "10.9.9.1")), "gateway", "not inside the subnet");
        Map<String, Object> pointToPoint = nodeWith("gateway", "169.254.0.1");
        pointToPoint.put("netmask", "255.255.255.255");
        RunningNode.Response accepted = node.post(CONFIG + "worker_vm/", pointToPoint);
        assertEquals(201, accepted.status(), accepted.text());
        assertEquals(204, node.delete(Fixtures.createdPath(accepted)).status());
    }

    @Test
    void refusesASecondaryInterface() {
        assertRefused(node.post(CONFIG + "worker_vm/", nodeWith("secondary_address", "10.0.1.19")),
                "secondary_address", "not supported in the cloud");
    }

    @Test
    void refusesBadAddressSyntax() {
        assertRefused(node.post(CONFIG + "worker_vm/", nodeWith("address", "10.0.0.300")), "address", "IPv4");
        assertRefused(node.post(CONFIG + "worker_vm/", nodeWith("netmask", "255.0.255.0")), "netmask", "mask");
        assertRefused(node.post(CONFIG + "worker_vm/", nodeWith("ipv6_address", "2001:db8::g1")), "ipv6_address", "IPv6");
        assertRefused(node.post(CONFIG + "worker_vm/", nodeWith("hostname", "-bad-")), "hostname", "RFC 1123");
    }

    @Test
    void refusesAnEnableSshValueOutsideGlobalOffOn() {
        assertRefused(node.post(CONFIG + "worker_vm/", nodeWith("enable_ssh", "MAYBE")), "enable_ssh", "GLOBAL, OFF, ON");
    }

    @Test
    void neverMixesTranscodingAndProxyingNodesInALocation() {
        assertRefused(node.post(CONFIG + "worker_vm/", nodeWith("node_type", "PROXYING")), "node_type", "never mixes");
    }

    @Test
    void refusesOverflowLocationsThatAreMissingTheLocationItselfOrACycle() {
        String paris = Fixtures.createLocation(node, "Paris");
        String berlin = Fixtures.createLocation(node, "Berlin");
        assertRefused(node.patch(paris, Map.of("overflow_location1", CONFIG + "system_location/424242/")),
                "overflow_location1", "no system_location");
        assertRefused(node.patch(paris, Map.of("overflow_location1", paris)), "overflow_location1", "itself");
        assertEquals(200, node.patch(paris, Map.of("overflow_location1", berlin)).status());
        assertRefused(node.patch(berlin, Map.of("overflow_location1", paris)), "overflow_location1", "cycle");
    }

    @Test
    void refusesADuplicateAlias() {
        assertEquals(201, node.post(CONFIG + "conference/", Fixtures.conference("Room A", "room.a@example.com")).status());
        assertRefused(node.post(CONFIG + "conference/", Fixtures.conference("Room B", "room.a@example.com")),
                "aliases", "already belongs");
        RunningNode.Response roomA = node.get(CONFIG + "conference/?name=Room%20A");
        assertRefused(node.post(CONFIG + "conference_alias/", Map.of("alias", "room.a@example.com", "conference",
                roomA.body().get("objects").get(0).get("resource_uri").asText())), "alias", "already has");
    }

    @Test
    void acceptsOnlyDigitPinsOfFourToTwentyAndAGuestPinOnlyWithAPin() {
        Map<String, Object> room = Fixtures.conference("Pins");
        room.put("pin", "12a4");
        assertRefused(node.post(CONFIG + "conference/", room), "pin", "4 to 20 digits");
        room.put("pin", "123");
        assertRefused(node.post(CONFIG + "conference/", room), "pin", "4 to 20 digits");
        room.put("pin", "");
        room.put("guest_pin", "5678");
        assertRefused(node.post(CONFIG + "conference/", room), "guest_pin", "needs a host PIN");
        room.put("pin", "1234");
        assertEquals(201, node.post(CONFIG + "conference/", room).status());
    }

    @Test
    void keepsGlobalBurstingDefaultsAndLimits() {
        var global = node.get(CONFIG + "global/1/").body();
        assertEquals(5, global.get("bursting_threshold").asInt());
        assertEquals(50, global.get("bursting_min_lifetime").asInt());
        assertEquals("pexip-cloud", global.get("bursting_tag_name").asText());
        assertEquals("unknown", global.get("bursting_tag_value").asText());
        assertRefused(node.patch(CONFIG + "global/1/", Map.of("bursting_threshold", 0)), "bursting_threshold", "from 1");
        assertRefused(node.patch(CONFIG + "global/1/", Map.of("bursting_min_lifetime", 4)), "bursting_min_lifetime", "from 5");
        assertEquals(200, node.patch(CONFIG + "management_vm/1/", Map.of("hostname", "mgr01")).status());
        assertEquals("mgr01", node.get(CONFIG + "global/1/").body().get("bursting_tag_value").asText());
    }

    @Test
    void refusesBurstingWithoutAwsCredentials() {
        assertRefused(node.patch(CONFIG + "global/1/", Map.of("bursting_enabled", true)), "aws_access_key", "access key");
    }

    @Test
    void refusesWrongTypesAndIgnoresUnknownFields() {
        // as on the reference, an unknown field is ignored (and named in a header), not refused
        RunningNode.Response unknown = node.post(CONFIG + "system_location/", Map.of("name", "X", "colour", "red"));
        assertEquals(201, unknown.status(), unknown.text());
        assertEquals("colour", unknown.raw().headers().firstValue("X-Confab-Ignored-Fields").orElseThrow());
        assertRefused(node.post(CONFIG + "system_location/", Map.of("name", "Y", "mtu", "big")), "mtu", "whole number");
        assertRefused(node.post(CONFIG + "system_location/", Map.of("name", "")), "name", "required");
        assertRefused(node.post(CONFIG + "system_location/", Map.of("name", "Z", "dns_servers", List.of("/x/"))),
                "dns_servers", "URI");
    }

    @Test
    void refusesDeletingALocationThatStillHasNodes() {
        RunningNode.Response refused = node.delete(london);
        assertEquals(409, refused.status());
        assertTrue(refused.body().get("error").asText().contains("lon-cn1"), refused.text());
    }

    @Test
    void answersInvalidJsonWithAClearError() {
        RunningNode.Response response = node.send("POST", CONFIG + "system_location/", "{\"name\": ",
                RunningNode.basic(RunningNode.USER, RunningNode.PASSWORD));
        assertEquals(400, response.status());
        assertTrue(response.body().get("error").asText().contains("not valid JSON"), response.text());
    }
}
