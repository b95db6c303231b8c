package dev.confab.localcloud;

import dev.confab.shared.testing.Await;
import dev.confab.localcloud.testing.InProcessPlatform;
import dev.confab.conferencing.ConferencingAgent;
import dev.confab.conferencing.ConferencingConfig;
import dev.confab.conferencing.admission.AdmissionConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Conferencing Node provisioned by upload, then started in configured mode: every file it wrote
 * that holds a key, a hash or a token (its key and the swanctl copy charon reads, the applied file
 * with its token and password hash, the replica with its TLS key, the admin user's password hash in
 * the system root) is readable by its owner only.
 */
@Timeout(60)
class NodeSecretFilesIT {

    static final String ADDRESS = "127.0.1.62";

    @RegisterExtension
    static final InProcessPlatform platform = new InProcessPlatform();

    @Test
    void everySecretFileTheNodeWritesIsMode0600() throws Exception {
        Path dir = platform.directory();
        Path data = dir.resolve("node");
        Path root = Files.createDirectories(dir.resolve("root"));
        ConferencingConfig config = ConferencingConfig.defaults(data, root, ADDRESS).withProvisioningPort(0)
                .withAdmission(new AdmissionConfig(0, 0, AdmissionConfig.DEFAULT_TOKEN_LIFETIME));
        AtomicInteger restarts = new AtomicInteger();
        InProcessPlatform.AddedNode node = platform.addNode("secrets-cn", ADDRESS);
        ConferencingAgent unconfigured = ConferencingAgent.create(config, restarts::incrementAndGet).start();
        try {
            NodeUploadClient.Answer answer = new NodeUploadClient(ADDRESS, unconfigured.provisioningPort(),
                    unconfigured.data().provisioningCertificate()).upload(node.file().name(), node.file().content());
            assertEquals(200, answer.status(), answer.body());
        } finally {
            unconfigured.stop();
        }
        ConferencingAgent configured = ConferencingAgent.create(config, restarts::incrementAndGet).start();
        try {
            awaitFile(data.resolve("replica.json"));

            for (Path secret : List.of(data.resolve("node.key"), data.resolve("node-config.xml"),
                    data.resolve("replica.json"), data.resolve("ipsec/swanctl/private/node.key"),
                    root.resolve("etc/confab/admin-password.hash"))) {
                assertEquals("rw-------", mode(secret), secret.toString());
            }
            assertEquals("rwx------", mode(data));
            assertEquals("rwx------", mode(data.resolve("ipsec/swanctl/private")));
        } finally {
            configured.stop();
        }
    }

    private static void awaitFile(Path file) throws InterruptedException {
        Await.atMost(Duration.ofSeconds(20)).every(Duration.ofMillis(50)).until(file + " to be written",
                () -> Files.exists(file));
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
