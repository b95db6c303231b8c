package dev.confab.management;

import dev.confab.management.testing.RunningNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A started Management Node's data directory: every file that holds a key, a sealed key, a hash or a
 * token is readable by its owner only, and only certificates, the revocation list and the rendered
 * swanctl.conf are readable by others.
 */
class SecretFilesIT {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    @Test
    void everySecretFileIsMode0600() throws Exception {
        Path data = node.data();

        for (String secret : List.of("secret.key", "pki/ca.key.enc", "pki/https-selfsigned.key.enc", "confab.db",
                "ipsec/swanctl/private/node.key")) {
            assertEquals("rw-------", mode(data.resolve(secret)), secret);
        }
        assertEquals("rwx------", mode(data.resolve("ipsec/swanctl/private")));
    }

    @Test
    void keepsTheIpsecKeyOnlyWhereCharonReadsIt() {
        assertFalse(Files.exists(node.data().resolve("ipsec/ipsec.key.enc")), "no sealed copy beside the plain one");
        assertTrue(Files.isRegularFile(node.data().resolve("ipsec/swanctl/private/node.key")));
    }

    @Test
    void othersMayReadOnlyPublicFiles() throws Exception {
        try (Stream<Path> files = Files.walk(node.data())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = node.data().relativize(file).toString();
                boolean isPublic = name.endsWith(".crt") || name.equals("pki/revoked.txt")
                        || name.endsWith("swanctl.conf") || name.startsWith("logs/");
                if (!isPublic) {
                    assertEquals("rw-------", mode(file), name);
                }
            }
        }
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
