package dev.confab.installer.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.confab.shared.crypto.PasswordHash;
import dev.confab.shared.crypto.ShaCrypt;

/** A valid {@code management_node_config} whose servers are the loopback {@link Responders}. */
public final class AnswersFixture {

    public static final String WEB_USER = "operator";
    public static final String WEB_PASSWORD = "Web-Admin-Pa55";
    public static final String SSH_PASSWORD = "Ssh-Admin-Pa55";

    private AnswersFixture() {
    }

    public static ObjectNode valid() {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("hostname", "mgmt").put("domain", "example.com").put("ip", "10.0.0.10").put("mask", "255.255.255.0")
                .put("gw", "10.0.0.1").put("dns", Responders.GOOD).put("ntp", "localhost").put("user", WEB_USER)
                // few iterations: the test is about the installer, not PBKDF2's cost
                .put("pass", PasswordHash.hash(WEB_PASSWORD.toCharArray(), 1000))
                .put("admin_password", ShaCrypt.hash(SSH_PASSWORD.toCharArray()))
                .put("error_reports", true).put("enable_analytics", false)
                .put("contact_email_address", "ops@example.com");
        return node;
    }

    /** The answers wrapped as the instance's user data. */
    public static String userData(ObjectNode config) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.set("management_node_config", config);
        return root.toString();
    }
}
