package dev.confab.management.install;

import dev.confab.management.ManagementAgent;
import dev.confab.management.ManagementConfig;
import dev.confab.shared.crypto.PasswordHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Management Node started on a data directory the installer wrote takes over its settings once. */
class InstalledConfigurationIT {

    static final String INSTALLED = """
            {"hostname": "mgmt", "domain": "example.com", "ip": "10.0.0.10", "mask": "255.255.255.0",
             "gw": "10.0.0.1", "dns": ["10.0.0.2", "10.0.0.3"], "ntp": ["169.254.169.123"], "user": "operator",
             "pass": "%s", "admin_password": null, "error_reports": false, "enable_analytics": false,
             "contact_email_address": null, "format": 1}
            """;

    @Test
    void startsWithTheInstalledAccountAndNodeSettingsAndAppliesThemOnce(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve("management.json"),
                INSTALLED.formatted(PasswordHash.hash("Web-Admin-Pa55".toCharArray(), 1000)));
        ManagementConfig config = ManagementConfig.defaults(data).withBind("127.0.0.1", 0, 0);

        try (ManagementAgent agent = ManagementAgent.create(config).start()) {
            assertTrue(agent.credentials().checkPassword("operator", "Web-Admin-Pa55"));
            Map<String, Object> node = agent.configuration().get(
                    agent.configuration().catalog().configuration("management_vm"), 1);
            assertEquals("mgmt", node.get("hostname"));
            assertEquals("example.com", node.get("domain"));
            assertEquals("10.0.0.10", node.get("address"));
            assertEquals("255.255.255.0", node.get("netmask"));
            assertEquals("10.0.0.1", node.get("gateway"));
            assertEquals(2, ((List<?>) node.get("dns_servers")).size());
            assertEquals(1, ((List<?>) node.get("ntp_servers")).size());
            agent.credentials().setPassword("operator", "Changed-Later-1".toCharArray());
        }

        try (ManagementAgent again = ManagementAgent.create(config).start()) {
            assertTrue(again.credentials().checkPassword("operator", "Changed-Later-1"),
                    "a restart does not apply the same installation again");
            assertFalse(again.credentials().checkPassword("operator", "Web-Admin-Pa55"));
        }
    }

    @Test
    void startsAsBeforeWhenNothingWasInstalled(@TempDir Path data) {
        try (ManagementAgent agent = ManagementAgent.create(ManagementConfig.defaults(data)
                .withBind("127.0.0.1", 0, 0)).start()) {
            assertFalse(agent.credentials().hasAccount());
            assertFalse(Files.exists(data.resolve("management.json.applied")));
        }
    }
}
