package dev.confab.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.shared.testing.Await;
import dev.confab.localcloud.testing.ChannelPlatform;
import dev.confab.shared.pki.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;

import static dev.confab.localcloud.testing.ChannelPlatform.HISTORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Management Node restored from a backup that does not know a node's certificate, across real
 * processes: the node is told it is unknown and enrols again, once, with the token of the file it
 * holds. Still valid in the restored store, the token gets it a new certificate and the node reports
 * again; used, or unknown to the restored store, it is refused and the node stops and says why.
 */
@Timeout(240)
class ReenrolmentIT {

    @Test
    void aNodeEnrolledSinceTheBackupEnrolsAgainWithTheTokenOfItsFile(@TempDir Path dir) throws Exception {
        try (ChannelPlatform platform = new ChannelPlatform(dir)) {
            // Given a node added, and the Management Node backed up before the node enrols
            ChannelPlatform.Node node = platform.add("re-cn1", "127.0.1.86", true);
            Path backup = platform.backUpManagement(dir.resolve("backup"));
            platform.upload(node);
            String first = awaitSynced(platform, node).get("certificate_serial").asText();

            // When the Management Node is restored from that backup, on the same ports
            platform.restoreManagement(backup);

            // Then the node is told it is unknown, enrols again with its file's token, restarts and reports
            JsonNode listed = Await.atMost(Duration.ofSeconds(60)).until(node.name + " enrolled again", () -> {
                JsonNode found = platform.api.get(node.uri);
                return found.get("enrolment_status").asText().equals("ENROLLED") ? found : null;
            });
            awaitSynced(platform, node);
            String second = listed.get("certificate_serial").asText();
            assertNotEquals(first, second);
            assertEquals(second, Pem.readCertificates(Files.readString(node.data.resolve("node.crt"))).get(0)
                    .getSerialNumber().toString(16), "the node runs on the certificate the restored store holds");
            assertEquals(2, node.process.restarts(), "into configured mode, then onto the new certificate");
            JsonNode status = platform.nodeStatus(node);
            assertTrue(status.get("reporting").asBoolean(), status.toString());
            assertTrue(status.get("refusal").isNull(), status.toString());

            // And the re-enrolment is in the administrator log like an enrolment, with nothing refused
            JsonNode enrolled = adminLog(platform, "enrolled", node.name);
            assertEquals(1, enrolled.size(), enrolled.toString());
            assertEquals("certificate " + second + " issued", enrolled.get(0).get("details").asText());
            assertEquals(0, platform.api.get(HISTORY + "admin_log/?action=enrol_refused&limit=0").get("objects").size());
            assertTrue(platform.managementLog().contains("(certificate " + first + "): The certificate " + first
                    + " is from this Management Node's CA, but it has no record of it"));
            String log = Files.readString(node.log);
            assertTrue(log.contains("Enrolling again, once, with the token of the stored configuration file"), log);
            assertTrue(log.contains("Enrolled again as re-cn1.confab.local (node " + listed.get("id").asText()
                    + "), certificate " + second), log);
        }
    }

    @Test
    void aNodeWhoseTokenTheRestoredStoreRefusesStopsOnceAndSaysWhy(@TempDir Path dir) throws Exception {
        try (ChannelPlatform platform = new ChannelPlatform(dir)) {
            // Given one node enrolled before the backup and one added after it
            ChannelPlatform.Node used = platform.provision("re-cn2", "127.0.1.87", true);
            awaitSynced(platform, used);
            Path backup = platform.backUpManagement(dir.resolve("backup"));
            ChannelPlatform.Node added = platform.provision("re-cn3", "127.0.1.88", false);
            awaitSynced(platform, added);
            // a backup that remembers the first node's token as used but lost its certificate's record
            forgetCertificates(backup.resolve("confab.db"), used.name);

            // When the Management Node is restored from it
            platform.restoreManagement(backup);

            // Then each node is told it is unknown, enrols again once, is refused, and stops saying why
            JsonNode usedStatus = awaitStopped(platform, used);
            assertTrue(usedStatus.get("refusal").asText().contains("The enrolment token was already used"),
                    usedStatus.toString());
            JsonNode addedStatus = awaitStopped(platform, added);
            assertTrue(addedStatus.get("refusal").asText().contains("The enrolment token is unknown to this"
                    + " Management Node"), addedStatus.toString());
            for (JsonNode status : new JsonNode[] {usedStatus, addedStatus}) {
                assertEquals("refused", status.get("re_enrolment").asText(), status.toString());
                assertTrue(status.get("refusal").asText().startsWith("The Management Node refused this node: The"
                        + " certificate"), status.toString());
            }

            // And never again: refused enrolments are summed per source address and minute (the nodes may
            // share one); a Management Node that stops writes what it has summed at once, so after a restart
            // (which the stopped nodes do not answer with another attempt) the lines count two in all
            platform.stopManagement();
            platform.startManagement();
            Thread.sleep(3000);
            JsonNode refused = platform.api.get(HISTORY + "admin_log/?action=enrol_refused&limit=0").get("objects");
            int attempts = 0;
            boolean namesUsed = false;
            for (JsonNode line : refused) {
                String details = line.get("details").asText();
                attempts += Integer.parseInt(details.substring(0, details.indexOf(' ')));
                namesUsed |= line.get("object_name").asText().contains(used.name);
            }
            assertEquals(2, attempts, refused.toString());
            assertTrue(namesUsed, refused.toString());
            assertEquals(1, adminLog(platform, "enrolled", used.name).size(), "its first enrolment, kept in the backup");
            assertEquals(0, adminLog(platform, "enrolled", added.name).size());
            assertEquals(1, used.process.restarts());
            assertEquals(1, added.process.restarts());
            assertTrue(Files.readString(used.log).contains("This node stops reporting"));
            assertEquals("NOT_ENROLLED", platform.api.get(used.uri).get("enrolment_status").asText());
        }
    }

    private static JsonNode awaitSynced(ChannelPlatform platform, ChannelPlatform.Node node) throws Exception {
        Await.atMost(Duration.ofSeconds(60)).until(node.name + " synced", () ->
                platform.managementStatus(node).get("sync_status").asText().equals("SYNCED") ? true : null);
        return platform.api.get(node.uri);
    }

    private static JsonNode awaitStopped(ChannelPlatform platform, ChannelPlatform.Node node) throws Exception {
        return Await.atMost(Duration.ofSeconds(60)).until(node.name + " stopped", () -> {
            JsonNode status = platform.nodeStatus(node);
            return status.get("refusal").isNull() ? null : status;
        });
    }

    private static JsonNode adminLog(ChannelPlatform platform, String action, String name) throws Exception {
        return platform.api.get(HISTORY + "admin_log/?action=" + action + "&object_name=" + name + "&limit=0")
                .get("objects");
    }

    /** Removes the records of the certificates issued to {@code node} from a stopped Management Node's store. */
    private static void forgetCertificates(Path database, String node) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             PreparedStatement delete = connection.prepareStatement("DELETE FROM node_certificate WHERE node_id ="
                     + " (SELECT id FROM worker_vm WHERE name = ?)")) {
            delete.setString(1, node);
            assertEquals(1, delete.executeUpdate());
        }
    }
}
