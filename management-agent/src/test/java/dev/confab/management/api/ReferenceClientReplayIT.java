package dev.confab.management.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.testing.Fixtures;
import dev.confab.management.testing.RunningNode;
import dev.confab.shared.crypto.ShaCrypt;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static dev.confab.management.testing.Fixtures.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests in the shapes the reference platform's public clients send, one client's session after
 * another on one Management Node: a cloud quick-deploy script (servers looked up by address, a
 * location with server lists, nodes on /32 networks behind static NAT, deleted and registered
 * again), the Terraform provider and Go SDK (creates that leave fields out, updates that PUT every
 * field with zero values, SSH keys, global settings), and the usual script work (finding objects
 * with {@code __icontains}, paging through {@code meta.next}, bulk updates, deletes). Each is
 * answered as the reference answers it: status, headers and body.
 */
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReferenceClientReplayIT {

    private static final String NODES = CONFIG + "worker_vm/";

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private static RunningNode.Response send(String method, String path, String json) {
        return node.send(method, path, json, RunningNode.basic(RunningNode.USER, RunningNode.PASSWORD));
    }

    /** As a script built on Python requests sends it: JSON in and out. */
    private static RunningNode.Response sendJson(String method, String path, String json) {
        return node.send(method, path, json, RunningNode.basic(RunningNode.USER, RunningNode.PASSWORD),
                "application/json");
    }

    private static JsonNode objects(String path) {
        RunningNode.Response list = node.get(path);
        assertEquals(200, list.status(), list.text());
        return list.body().get("objects");
    }

    /** The quick-deploy script's ensure_by_address: find the server by address, else create it. */
    private static String ensureByAddress(String resource, String address) {
        JsonNode found = objects(CONFIG + resource + "/?address=" + address);
        if (!found.isEmpty()) {
            return found.get(0).get("resource_uri").asText();
        }
        RunningNode.Response created = send("POST", CONFIG + resource + "/", """
                {"address": "%s", "description": "Created by quick-deploy"}""".formatted(address));
        assertEquals(201, created.status(), created.text());
        return objects(CONFIG + resource + "/?address=" + address).get(0).get("resource_uri").asText();
    }

    @Test
    @Order(1)
    void aQuickDeployScriptRegistersServersALocationAndNodesOnSlash32Networks() {
        String dns = ensureByAddress("dns_server", "8.8.8.8");
        assertEquals(dns, ensureByAddress("dns_server", "8.8.8.8"), "found again, not created twice");
        String ntp = ensureByAddress("ntp_server", "pool.ntp.org");

        assertEquals(0, objects(CONFIG + "system_location/?name=Primary").size());
        RunningNode.Response location = send("POST", CONFIG + "system_location/", """
                {"name": "Primary", "description": "Created by quick-deploy", "dns_servers": ["%s"],
                 "ntp_servers": ["%s"]}""".formatted(dns, ntp));
        assertEquals(201, location.status(), location.text());
        JsonNode primary = objects(CONFIG + "system_location/?name=Primary").get(0);
        assertEquals(1, primary.get("dns_servers").size(), "the script counts the servers of the location");
        assertEquals("8.8.8.8", primary.get("dns_servers").get(0).get("address").asText(), "shown whole");
        RunningNode.Response patched = send("PATCH", primary.get("resource_uri").asText(), """
                {"dns_servers": ["%s"], "ntp_servers": ["%s"]}""".formatted(dns, ntp));
        assertEquals(200, patched.status(), patched.text());

        String hash = ShaCrypt.hash("quick-deploy-ssh".toCharArray());
        String body = """
                {"name": "conf-1", "hostname": "conf-1", "domain": "vc.example.com", "address": "10.128.0.5",
                 "netmask": "255.255.255.255", "gateway": "10.128.0.1", "password": "%s",
                 "node_type": "CONFERENCING", "system_location": "%s", "deployment_type": "MANUAL-PROVISION-ONLY",
                 "enable_distributed_database": true, "ssh_authorized_keys_use_cloud": true,
                 "static_nat_address": "34.120.10.20"}""".formatted(hash, primary.get("resource_uri").asText());
        RunningNode.Response created = send("POST", NODES, body);
        assertEquals(201, created.status(), "a /32 network takes a gateway outside it: " + created.text());
        assertTrue(created.text().contains("<?xml"), "the answer is the node's configuration file");
        assertTrue(created.text().contains(hash), "with the SSH password's hash as given");
        assertTrue(created.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));

        // a second run finds the node, deletes it by id and registers it again for a fresh file
        long id = objects(NODES + "?name=conf-1").get(0).get("id").asLong();
        assertEquals(204, send("DELETE", NODES + id + "/", null).status());
        RunningNode.Response again = send("POST", NODES, body);
        assertEquals(201, again.status(), again.text());
        JsonNode stored = objects(NODES + "?name=conf-1").get(0);
        assertEquals("34.120.10.20", stored.get("static_nat_address").asText());
        assertEquals("255.255.255.255", stored.get("netmask").asText());
    }

    @Test
    @Order(2)
    void theTerraformProviderCreatesANodeAndPutsEveryFieldBackOnUpdate() {
        String location = objects(CONFIG + "system_location/?name=Primary").get(0).get("resource_uri").asText();
        // create: required fields and what the plan sets; a password left at "" is left out
        RunningNode.Response created = send("POST", NODES, """
                {"name": "tf-1", "hostname": "tf-1", "domain": "vc.example.com", "address": "10.128.0.6",
                 "netmask": "255.255.255.255", "gateway": "10.128.0.1", "system_location": "%s",
                 "vm_cpu_count": 4, "vm_system_memory": 4096, "node_type": "CONFERENCING", "transcoding": true}
                """.formatted(location));
        assertEquals(201, created.status(), created.text());
        String uri = created.body().get("resource_uri").asText();
        assertTrue(created.raw().headers().firstValue("Location").orElseThrow().endsWith(uri));

        // update: the SDK's update request PUTs every field, those the plan does not set as zero values
        RunningNode.Response put = send("PUT", uri, """
                {"name": "tf-1", "hostname": "tf-1", "domain": "vc.example.com", "address": "10.128.0.6",
                 "netmask": "255.255.255.255", "gateway": "10.128.0.1", "vm_cpu_count": 8, "vm_system_memory": 8192,
                 "deployment_type": "", "node_type": "CONFERENCING", "transcoding": false, "cloud_bursting": false,
                 "password": "", "maintenance_mode": true, "maintenance_mode_reason": "patching",
                 "system_location": "%s", "alternative_fqdn": "", "enable_distributed_database": false,
                 "enable_ssh": "", "ipv6_address": null, "ipv6_gateway": null, "tls_certificate": null,
                 "secondary_address": null, "secondary_netmask": null, "media_priority_weight": null,
                 "ssh_authorized_keys": null, "ssh_authorized_keys_use_cloud": false, "static_nat_address": null,
                 "static_routes": null, "snmp_authentication_password": "", "snmp_community": "", "snmp_mode": "",
                 "snmp_privacy_password": "", "snmp_system_contact": "", "snmp_system_location": "",
                 "snmp_username": "", "service_manager": false, "service_policy": false, "signalling": false,
                 "managed": false}""".formatted(location));
        assertEquals(200, put.status(), put.text());
        JsonNode read = node.get(uri).body();
        assertEquals("CONFERENCING", read.get("node_type").asText(), "node_type decides over transcoding");
        assertTrue(read.get("transcoding").asBoolean());
        assertEquals("MANUAL-PROVISION-ONLY", read.get("deployment_type").asText(), "a blank choice is its default");
        assertEquals("GLOBAL", read.get("enable_ssh").asText());
        assertEquals("DISABLED", read.get("snmp_mode").asText());
        assertEquals(8, read.get("vm_cpu_count").asInt());
        assertTrue(read.get("maintenance_mode").asBoolean());
        assertTrue(put.raw().headers().firstValue("X-Confab-Ignored-Fields").orElse("").contains("cloud_bursting"),
                "the read-only cloud_bursting is ignored and named");
    }

    @Test
    @Order(3)
    void sshKeysAreCreatedForNodesAndGlobalSettingsPutWithEveryField() throws Exception {
        String nodeUri = objects(NODES + "?name=tf-1").get(0).get("resource_uri").asText();
        String key = java.util.Base64.getEncoder().encodeToString(sshBlob());
        RunningNode.Response created = send("POST", CONFIG + "ssh_authorized_key/", """
                {"keytype": "ssh-ed25519", "key": "%s", "comment": "ops@example.com", "nodes": ["%s"]}"""
                .formatted(key, nodeUri));
        assertEquals(201, created.status(), created.text());
        assertEquals(created.body().get("resource_uri").asText(),
                node.get(nodeUri).body().get("ssh_authorized_keys").get(0).asText());

        RunningNode.Response global = send("PUT", CONFIG + "global/1/", """
                {"aws_access_key": "AKIAIOSFODNN7EXAMPLE", "aws_secret_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                 "azure_client_id": null, "azure_secret": null, "azure_subscription_id": null, "azure_tenant": null,
                 "bursting_enabled": true, "bursting_min_lifetime": 60, "bursting_threshold": 8,
                 "cloud_provider": "AWS", "crypto_mode": "besteffort", "enable_edge_non_mesh": true,
                 "enable_ssh": true, "gcp_client_email": null, "gcp_private_key": null, "gcp_project_id": null,
                 "max_pixels_per_second": "hd", "media_ports_start": 40000, "media_ports_end": 49999,
                 "signalling_ports_start": 33000, "signalling_ports_end": 39999,
                 "enable_webrtc": true, "enable_sip": true, "enable_h323": true, "pin_entry_timeout": 120,
                 "guests_only_timeout": 60, "site_banner": "", "disabled_codecs": [{"value": "H264_H_0"}]}""");
        assertEquals(200, global.status(), global.text());
        assertEquals("enable_webrtc, enable_sip, enable_h323, pin_entry_timeout, guests_only_timeout, site_banner,"
                + " disabled_codecs", global.raw().headers().firstValue("X-Confab-Ignored-Fields").orElse(""));
        JsonNode settings = node.get(CONFIG + "global/1/").body();
        assertTrue(settings.get("bursting_enabled").asBoolean());
        assertEquals(8, settings.get("bursting_threshold").asInt());
        assertFalse(settings.has("aws_secret_key"), "write-only");
    }

    private static byte[] sshBlob() throws Exception {
        byte[] encoded = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()
                .getEncoded();
        java.io.ByteArrayOutputStream blob = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(blob);
        out.writeInt(11);
        out.writeBytes("ssh-ed25519");
        out.writeInt(32);
        out.write(encoded, encoded.length - 32, 32);
        return blob.toByteArray();
    }

    @Test
    @Order(4)
    void scriptsFindRoomsWithIcontainsPageThroughMetaNextAndDeleteThem() {
        for (int i = 0; i < 25; i++) {
            assertEquals(201, sendJson("POST", CONFIG + "conference/", """
                    {"name": "Team room %d", "service_type": "conference", "allow_guests": true, "pin": "",
                     "guest_pin": "", "host_view": "one_main_seven_pips", "guest_view": "one_main_seven_pips",
                     "aliases": [{"alias": "team%d@example.com"}]}""".formatted(i, i)).status());
        }
        assertEquals(201, sendJson("POST", CONFIG + "conference/", "{\"name\": \"Board\"}").status());

        List<String> names = new ArrayList<>();
        String next = CONFIG + "conference/?name__icontains=TEAM&limit=10";
        int pages = 0;
        while (next != null) {
            JsonNode page = node.get(next).body();
            page.get("objects").forEach(room -> names.add(room.get("name").asText()));
            assertEquals(25, page.get("meta").get("total_count").asInt());
            next = page.get("meta").get("next").isNull() ? null : page.get("meta").get("next").asText();
            assertTrue(next == null || next.contains("name__icontains=TEAM"), "next keeps the filter: " + next);
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(25, names.stream().distinct().count());

        JsonNode found = objects(CONFIG + "conference/?service_type=conference&name=Team%20room%207");
        RunningNode.Response patched = sendJson("PATCH", found.get(0).get("resource_uri").asText(), """
                {"description": "Sales", "aliases": [{"alias": "team7@example.com"}, {"alias": "sales@example.com"}]}""");
        assertEquals(200, patched.status(), patched.text());
        assertEquals(2, patched.body().get("aliases").size());

        assertEquals(204, send("DELETE", CONFIG + "conference/?name__icontains=team", null).status());
        assertEquals(0, objects(CONFIG + "conference/?name__icontains=team").size());
        assertEquals(0, objects(CONFIG + "conference_alias/?alias__icontains=team").size(), "their aliases too");
        assertEquals(1, objects(CONFIG + "conference/").size(), "Board stays");
    }

    @Test
    @Order(5)
    void aBulkUpdatePutsNodesIntoMaintenanceInOneRevision() {
        JsonNode nodes = objects(NODES);
        long before = node.agent().configuration().revision();
        StringBuilder objects = new StringBuilder();
        for (JsonNode each : nodes) {
            objects.append(objects.isEmpty() ? "" : ", ").append("""
                    {"resource_uri": "%s", "maintenance_mode": true, "maintenance_mode_reason": "upgrade"}"""
                    .formatted(each.get("resource_uri").asText()));
        }
        RunningNode.Response bulk = send("PATCH", NODES, "{\"objects\": [" + objects + "]}");
        assertEquals(202, bulk.status(), bulk.text());
        assertEquals(before + 1, node.agent().configuration().revision());
        objects(NODES).forEach(each -> assertTrue(each.get("maintenance_mode").asBoolean()));
    }

    @Test
    @Order(6)
    void aLicenceIsEnteredWithItsCountsAndTheStatusShowsIt() {
        RunningNode.Response entitlementOnly = send("POST", CONFIG + "licence/", """
                {"entitlement_id": "1234-5678-9012"}""");
        assertEquals(400, entitlementOnly.status(), "Confab activates no entitlement: " + entitlementOnly.text());
        assertTrue(entitlementOnly.body().get("fields").has("concurrent"), entitlementOnly.text());
        assertEquals(201, send("POST", CONFIG + "licence/", """
                {"entitlement_id": "1234-5678-9012", "offline_mode": true, "concurrent": 40, "audio": 80}""")
                .status());
        JsonNode licensing = objects("/api/admin/status/v1/licensing/").get(0);
        assertEquals(40, licensing.get("port_total").asInt());
        assertEquals(0, licensing.get("port_count").asInt());
        JsonNode nodes = objects("/api/admin/status/v1/worker_vm/");
        assertEquals(2, nodes.size());
        nodes.forEach(each -> assertEquals("UNREACHABLE", each.get("sync_status").asText()));
        java.util.Set<Long> configured = new java.util.HashSet<>();
        objects(NODES).forEach(each -> configured.add(Fixtures.id(each.get("resource_uri").asText())));
        java.util.Set<Long> reported = new java.util.HashSet<>();
        nodes.forEach(each -> reported.add(each.get("configuration_id").asLong()));
        assertEquals(configured, reported, "each node's status names its configuration");
    }
}
