package dev.confab.management.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.testing.Fixtures;
import dev.confab.management.testing.RunningNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.confab.management.testing.Fixtures.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference's fuller field lists: kept, checked, named URIs must exist, the deprecated
 * {@code transcoding} is the role, and the resources those fields name are resources of their own.
 */
@Timeout(60)
class ReferenceFieldsIT {

    private static final String NODES = CONFIG + "worker_vm/";
    private static final String KEYS = CONFIG + "ssh_authorized_key/";

    @RegisterExtension
    static final RunningNode node = new RunningNode();
    private static String london;

    @BeforeAll
    static void start() {
        london = Fixtures.createLocation(node, "London");
    }

    private static JsonNode created(String list, Map<String, Object> body) {
        RunningNode.Response created = node.send("POST", list, body, RunningNode.basic(RunningNode.USER,
                RunningNode.PASSWORD), "application/json");
        assertEquals(201, created.status(), created.text());
        return created.body();
    }

    private static void assertRefused(RunningNode.Response answer, int status, String field, String part) {
        assertEquals(status, answer.status(), answer.text());
        String message = field == null ? answer.body().get("error").asText()
                : answer.body().get("fields").path(field).asText();
        assertTrue(message.contains(part), "expected '" + part + "' on " + field + ": " + answer.text());
    }

    /** An SSH public key blob of a fresh Ed25519 key, base64 as in an authorized_keys line. */
    private static String ed25519Key() throws NoSuchAlgorithmException, IOException {
        byte[] encoded = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(blob);
        byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
        out.writeInt(type.length);
        out.write(type);
        out.writeInt(32);
        out.write(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
        return Base64.getEncoder().encodeToString(blob.toByteArray());
    }

    @Test
    void theDeprecatedTranscodingIsTheRoleUnlessNodeTypeIsGiven() {
        Map<String, Object> edge = Fixtures.node("edge-1", "10.1.0.11", Fixtures.createLocation(node, "Edge"));
        edge.remove("node_type");
        edge.put("transcoding", false);
        JsonNode proxying = created(NODES, edge);
        assertEquals("PROXYING", proxying.get("node_type").asText());
        assertFalse(proxying.get("transcoding").asBoolean());

        Map<String, Object> both = Fixtures.node("conf-1", "10.2.0.11", london);
        both.put("transcoding", false);
        JsonNode conferencing = created(NODES, both);
        assertEquals("CONFERENCING", conferencing.get("node_type").asText(), "node_type decides when both are given");
        assertTrue(conferencing.get("transcoding").asBoolean());

        RunningNode.Response patched = node.patch(proxying.get("resource_uri").asText(), Map.of("transcoding", true));
        assertEquals(200, patched.status(), patched.text());
        assertEquals("CONFERENCING", patched.body().get("node_type").asText());
        created(NODES, Fixtures.node("conf-2", "10.2.0.12", london));
        RunningNode.Response mixed = node.patch(conferencing.get("resource_uri").asText(), Map.of("transcoding", false));
        assertEquals(400, mixed.status(), "London holds transcoding nodes only: " + mixed.text());
        assertTrue(mixed.body().get("fields").has("node_type"), mixed.text());
    }

    @Test
    void keepsAndChecksTheNodesNewFields() throws Exception {
        String key = created(KEYS, Map.of("keytype", "ssh-ed25519", "key", ed25519Key(), "comment", "ops"))
                .get("resource_uri").asText();
        Map<String, Object> body = Fixtures.node("fields-1", "10.3.0.11", london);
        body.putAll(Map.of("ssh_authorized_keys", List.of(key), "ssh_authorized_keys_use_cloud", false,
                "alternative_fqdn", "meet.example.com", "snmp_mode", "authpriv", "snmp_username", "monitor",
                "snmp_authentication_password", "auth-secret-1", "snmp_privacy_password", "priv-secret-1",
                "vm_cpu_count", 8, "vm_system_memory", 16384));
        JsonNode stored = created(NODES, body);
        assertEquals(List.of(key), List.of(stored.get("ssh_authorized_keys").get(0).asText()));
        assertEquals("AUTHPRIV", stored.get("snmp_mode").asText(), "a choice in any case is kept as spelt");
        assertFalse(stored.has("snmp_privacy_password"), "write-only");
        assertEquals(List.of(stored.get("resource_uri").asText()),
                List.of(node.get(key).body().get("nodes").get(0).asText()), "the key lists the node");

        String uri = stored.get("resource_uri").asText();
        assertRefused(node.patch(uri, Map.of("snmp_username", "")), 400, "snmp_username", "AUTHPRIV");
        assertRefused(node.patch(uri, Map.of("snmp_privacy_password", "short")), 400, "snmp_privacy_password",
                "At least 8");
        assertRefused(node.patch(uri, Map.of("ssh_authorized_keys", List.of(KEYS + "4242/"))), 400,
                "ssh_authorized_keys", "no ssh_authorized_key with id 4242");
        assertRefused(node.patch(uri, Map.of("tls_client_certificate", CONFIG + "tls_certificate/4242/")), 400,
                "tls_client_certificate", "no tls_certificate");
        assertEquals(200, node.patch(uri, Map.of("snmp_privacy_password", "", "enable_ssh", "")).status(),
                "a blank secret is kept, a blank choice is its default");
        assertEquals("GLOBAL", node.get(uri).body().get("enable_ssh").asText());

        assertEquals(204, node.delete(key).status());
        assertEquals(0, node.get(uri).body().get("ssh_authorized_keys").size(), "a deleted key leaves the lists");
    }

    @Test
    void aKeysNodesAreTheNodesListsSeenFromTheKey() throws Exception {
        String first = Fixtures.createdPath(node.post(NODES, Fixtures.node("keys-1", "10.4.0.11", london)));
        String second = Fixtures.createdPath(node.post(NODES, Fixtures.node("keys-2", "10.4.0.12", london)));
        String old = created(KEYS, Map.of("keytype", "ssh-ed25519", "key", ed25519Key())).get("resource_uri").asText();
        assertEquals(200, node.patch(first, Map.of("ssh_authorized_keys", List.of(old))).status());

        JsonNode key = created(KEYS, Map.of("keytype", "ssh-ed25519", "key", ed25519Key(), "nodes",
                List.of(first, second)));
        String uri = key.get("resource_uri").asText();
        assertEquals(List.of(old, uri), uris(node.get(first).body().get("ssh_authorized_keys")),
                "added at the end of the node's list");
        assertEquals(List.of(uri), uris(node.get(second).body().get("ssh_authorized_keys")));

        assertEquals(200, node.patch(uri, Map.of("nodes", List.of(second))).status());
        assertEquals(List.of(old), uris(node.get(first).body().get("ssh_authorized_keys")));
        assertEquals(List.of(second), uris(node.get(uri).body().get("nodes")));
    }

    private static List<String> uris(JsonNode list) {
        List<String> uris = new java.util.ArrayList<>();
        list.forEach(item -> uris.add(item.asText()));
        return uris;
    }

    @Test
    void refusesAKeyThatIsNotAnSshPublicKeyOfItsType() throws Exception {
        String key = ed25519Key();
        assertRefused(node.post(KEYS, Map.of("keytype", "ssh-rsa", "key", key)), 400, "key", "set keytype to ssh-ed25519");
        assertRefused(node.post(KEYS, Map.of("keytype", "ssh-ed25519", "key", "ssh-ed25519 " + key + " me@host")), 400,
                "key", "only the base64 part");
        assertRefused(node.post(KEYS, Map.of("keytype", "ssh-ed25519", "key", "not*base64")), 400, "key", "base64");
        assertRefused(node.post(KEYS, Map.of("keytype", "ssh-ed25519", "key", "AAAA")), 400, "key", "SSH public key");
        assertRefused(node.post(KEYS, Map.of("keytype", "ssh-foo", "key", key)), 400, "keytype", "is not one of");
    }

    @Test
    void aLocationNamesServersThatExistAndShowsListedOnesWhole() {
        JsonNode dns = created(CONFIG + "dns_server/", Map.of("address", "192.0.2.53"));
        JsonNode syslog = created(CONFIG + "syslog_server/", Map.of("address", "logs.example.com", "port", 6514,
                "transport", "tls"));
        JsonNode turn = created(CONFIG + "turn_server/", Map.of("name", "turn-1", "address", "turn.example.com",
                "username", "u", "password", "turn-secret"));
        JsonNode proxy = created(CONFIG + "sip_proxy/", Map.of("name", "sbc", "address", "sbc.example.com"));
        Map<String, Object> body = new HashMap<>(Fixtures.location("Servers"));
        body.putAll(Map.of("dns_servers", List.of(dns.get("resource_uri").asText()),
                "syslog_servers", List.of(syslog.get("resource_uri").asText()),
                "turn_server", turn.get("resource_uri").asText(), "use_relay_candidates_only", true,
                "sip_proxy", proxy.get("resource_uri").asText(), "media_qos", 46, "signalling_qos", 24));
        JsonNode location = created(CONFIG + "system_location/", body);

        JsonNode read = node.get(location.get("resource_uri").asText()).body();
        assertEquals("192.0.2.53", read.get("dns_servers").get(0).get("address").asText(), "listed servers are whole");
        assertEquals("tls", read.get("syslog_servers").get(0).get("transport").asText());
        assertEquals(proxy.get("resource_uri").asText(), read.get("sip_proxy").asText(), "a single one is a URI");
        assertFalse(read.get("turn_server").isNull());
        assertEquals(200, node.put(location.get("resource_uri").asText(), read).status(), "what was read can be put back");
        assertEquals(read, node.get(location.get("resource_uri").asText()).body());

        assertRefused(node.post(CONFIG + "system_location/", Map.of("name", "Bad", "event_sinks",
                List.of(CONFIG + "event_sink/4242/"))), 400, "event_sinks", "no event_sink");
        assertRefused(node.post(CONFIG + "system_location/", Map.of("name", "Bad", "policy_server",
                CONFIG + "policy_server/4242/")), 400, "policy_server", "no policy_server");
        assertRefused(node.post(CONFIG + "system_location/", Map.of("name", "Bad", "use_relay_candidates_only",
                true)), 400, "use_relay_candidates_only", "TURN");
        assertRefused(node.delete(proxy.get("resource_uri").asText()), 409, null, "Servers");
    }

    @Test
    void globalSettingsTakeTheReferencesBooleanAndCheckPortsAndOtherClouds() {
        String global = CONFIG + "global/1/";
        assertEquals(200, node.patch(global, Map.of("enable_ssh", false)).status());
        assertFalse(node.get(global).body().get("enable_ssh").asBoolean());
        assertEquals(200, node.patch(global, Map.of("enable_ssh", "ON")).status(), "the older ON/OFF still reads");
        assertTrue(node.get(global).body().get("enable_ssh").asBoolean());

        JsonNode read = node.get(global).body();
        assertTrue(read.get("deployment_uuid").asText().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}"
                + "-[0-9a-f]{12}"), read.toString());
        assertEquals(200, node.patch(global, Map.of("deployment_uuid", "mine")).status());
        assertEquals(read.get("deployment_uuid"), node.get(global).body().get("deployment_uuid"), "read-only");
        assertEquals(40000, read.get("media_ports_start").asInt());

        assertRefused(node.patch(global, Map.of("media_ports_start", 35000)), 400, "media_ports_start", "overlap");
        assertRefused(node.patch(global, Map.of("signalling_ports_end", 32000)), 400, "signalling_ports_end", "below");
        assertRefused(node.patch(global, Map.of("bursting_enabled", true, "cloud_provider", "AZURE")), 400,
                "azure_secret", "AZURE");
        assertRefused(node.patch(global, Map.of("crypto_mode", "sometimes")), 400, "crypto_mode", "besteffort");
    }

    @Test
    void servicesAndAliasesKeepWhenTheyWereCreated() throws Exception {
        JsonNode room = created(CONFIG + "conference/", new HashMap<>(Map.of("name", "Timed", "aliases",
                List.of(Map.of("alias", "timed@example.com")), "crypto_mode", "on", "max_callrate_in", 2048,
                "host_view", "one_main_seven_pips", "primary_owner_email_address", "owner@example.com")));
        String created = room.get("creation_time").asText();
        assertTrue(created.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}"), created);
        String aliasCreated = room.get("aliases").get(0).get("creation_time").asText();
        Thread.sleep(5);
        RunningNode.Response patched = node.patch(room.get("resource_uri").asText(), Map.of("aliases", List.of(
                Map.of("alias", "timed@example.com"), Map.of("alias", "timed2@example.com")), "creation_time",
                "2000-01-01T00:00:00"));
        assertEquals(200, patched.status(), patched.text());
        assertEquals(created, patched.body().get("creation_time").asText(), "read-only");
        assertEquals(aliasCreated, patched.body().get("aliases").get(0).get("creation_time").asText(),
                "an alias that stays keeps its time");
        assertNotEquals(aliasCreated, patched.body().get("aliases").get(1).get("creation_time").asText());

        assertRefused(node.patch(room.get("resource_uri").asText(), Map.of("max_callrate_out", 64)), 400,
                "max_callrate_out", "from 128 to 8192");
        assertRefused(node.patch(room.get("resource_uri").asText(), Map.of("primary_owner_email_address", "owner")),
                400, "primary_owner_email_address", "email");
    }
}
