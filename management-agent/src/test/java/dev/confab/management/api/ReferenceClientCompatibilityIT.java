package dev.confab.management.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.testing.RunningNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashSet;
import java.util.Set;

import static dev.confab.management.testing.Fixtures.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Request shapes that public clients of the reference management API send, replayed verbatim. */
@Timeout(60)
class ReferenceClientCompatibilityIT {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private static RunningNode.Response raw(String method, String path, String json) {
        return node.send(method, path, json, RunningNode.basic(RunningNode.USER, RunningNode.PASSWORD));
    }

    @Test
    void createsAGenericNodeWithTheLocationAsAUri() {
        assertEquals(201, raw("POST", CONFIG + "system_location/", """
                {"name": "AWS eu-west-1", "description": "", "mtu": 1500}""").status());
        RunningNode.Response accepted = raw("POST", CONFIG + "worker_vm/", """
                {"name": "conf01", "hostname": "conf01", "domain": "vc.example.com",
                 "address": "172.31.10.5", "netmask": "255.255.240.0", "gateway": "172.31.0.1",
                 "system_location": "/api/admin/configuration/v1/system_location/1/",
                 "node_type": "CONFERENCING", "deployment_type": "MANUAL-PROVISION-ONLY",
                 "password": "changeme", "enable_distributed_database": false, "enable_ssh": "GLOBAL",
                 "transcoding": true, "ssh_authorized_keys_use_cloud": true,
                 "vm_cpu_count": 8, "vm_system_memory": 16384}""");
        // the deprecated transcoding is the role when node_type is given too: node_type decides
        assertEquals(201, accepted.status(), accepted.text());
        assertTrue(accepted.raw().headers().firstValue("X-Confab-Ignored-Fields").isEmpty());
        String location = accepted.raw().headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("https://127\\.0\\.0\\.1:\\d+/api/admin/configuration/v1/worker_vm/\\d+/"), location);
    }

    @Test
    void patchesTheGlobalBurstingSettings() {
        RunningNode.Response patched = raw("PATCH", CONFIG + "global/1/", """
                {"bursting_enabled": true, "bursting_threshold": 8, "bursting_min_lifetime": 60,
                 "cloud_provider": "AWS", "aws_access_key": "AKIAIOSFODNN7EXAMPLE",
                 "aws_secret_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}""");
        assertEquals(200, patched.status(), patched.text());
        JsonNode global = node.get(CONFIG + "global/1/").body();
        assertTrue(global.get("bursting_enabled").asBoolean());
        assertEquals(8, global.get("bursting_threshold").asInt());
        assertEquals(60, global.get("bursting_min_lifetime").asInt());
    }

    @Test
    void findsAnObjectByNameAndFollowsMetaNextThroughEveryPage() {
        for (int i = 0; i < 45; i++) {
            assertEquals(201, raw("POST", CONFIG + "conference/", "{\"name\": \"vmr-" + i + "\"}").status());
        }
        JsonNode byName = node.get(CONFIG + "conference/?name=vmr-17").body();
        assertEquals(1, byName.get("meta").get("total_count").asInt());
        assertEquals("vmr-17", byName.get("objects").get(0).get("name").asText());

        Set<String> names = new HashSet<>();
        String next = CONFIG + "conference/?limit=10";
        int pages = 0;
        while (next != null) {
            JsonNode page = node.get(next).body();
            page.get("objects").forEach(object -> names.add(object.get("name").asText()));
            next = page.get("meta").get("next").isNull() ? null : page.get("meta").get("next").asText();
            pages++;
        }
        assertEquals(45, names.size());
        assertEquals(5, pages);
    }
}
