package dev.confab.management.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.testing.Fixtures;
import dev.confab.management.testing.RunningNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.util.Map;

import static dev.confab.management.testing.Fixtures.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A refused write leaves no row, no new revision and no administrator-log line. */
@Timeout(60)
class RejectedWriteIT {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    @Test
    void aRefusedWriteChangesNothing() {
        String location = Fixtures.createLocation(node, "Madrid");
        long revisionBefore = node.agent().configuration().revision();
        long logBefore = logCount();
        long nodesBefore = node.get(CONFIG + "worker_vm/").body().get("meta").get("total_count").asLong();

        Map<String, Object> badNode = Fixtures.node("mad-cn1", "10.2.0.11", location);
        badNode.put("gateway", "10.99.0.1");
        assertEquals(400, node.post(CONFIG + "worker_vm/", badNode).status());
        assertEquals(400, node.patch(location, Map.of("name", "Madrid 2", "mtu", 99999)).status());

        assertEquals(revisionBefore, node.agent().configuration().revision());
        assertEquals(logBefore, logCount());
        assertEquals(nodesBefore, node.get(CONFIG + "worker_vm/").body().get("meta").get("total_count").asLong());
        assertEquals("Madrid", node.get(location).body().get("name").asText(), "a refused PATCH changes no field");
    }

    @Test
    void anAcceptedWriteIncrementsTheRevisionAndLogsWhoChangedWhat() {
        long before = node.agent().configuration().revision();
        String location = Fixtures.createLocation(node, "Lisbon");
        assertEquals(200, node.patch(location, Map.of("description", "Iberia")).status());
        assertEquals(before + 2, node.agent().configuration().revision());
        JsonNode entry = node.get("/api/admin/history/v1/admin_log/?limit=1").body().get("objects").get(0);
        assertEquals("updated", entry.get("action").asText());
        assertEquals("admin", entry.get("user").asText());
        assertEquals("127.0.0.1", entry.get("address").asText());
        assertEquals("Lisbon", entry.get("object_name").asText());
        assertTrue(entry.get("details").asText().contains("description"));
        assertEquals(before + 2, entry.get("revision").asLong());
    }

    @Test
    void keepsSecretsOutOfTheDatabaseFileInPlainText() throws Exception {
        String location = Fixtures.createLocation(node, "Vault");
        Map<String, Object> withPassword = Fixtures.node("vault-cn1", "10.3.0.11", location);
        withPassword.put("password", "PlainSshPassw0rd");
        assertEquals(201, node.post(CONFIG + "worker_vm/", withPassword).status());
        assertEquals(200, node.patch(CONFIG + "global/1/", Map.of("aws_access_key", "AKIAEXAMPLE",
                "aws_secret_key", "PlainAwsSecretValue")).status());
        assertFalse(node.get(CONFIG + "global/1/").body().has("aws_secret_key"), "the AWS secret is write-only");
        node.agent().store().write(handle -> handle.execute("PRAGMA wal_checkpoint(FULL)"));
        String file = new String(Files.readAllBytes(node.data().resolve("confab.db")), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(file.contains("PlainSshPassw0rd"));
        assertFalse(file.contains("PlainAwsSecretValue"));
        assertFalse(file.contains(RunningNode.PASSWORD));
        assertTrue(file.contains("$6$"), "the SSH password is kept as a SHA-512 crypt hash");
        assertTrue(file.contains("pbkdf2_sha256$"), "the web password is kept as a slow hash");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(node.data().resolve("secret.key"))));
    }

    private long logCount() {
        return node.get("/api/admin/history/v1/admin_log/").body().get("meta").get("total_count").asLong();
    }
}
