package dev.confab.installer.apply;

import dev.confab.installer.answers.Answers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The data directory the installer prepares: its secrets are readable by their owner only. */
class DataDirectorySetupTest {

    @Test
    void writesEveryKeyForItsOwnerOnly(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Answers answers = new Answers("mgmt", "example.com", "10.0.0.10", "255.255.255.0", "10.0.0.1",
                List.of("10.0.0.2"), List.of("169.254.169.123"), "admin", "hash", null, false, false, null);

        DataDirectorySetup.initialise(data, answers, Clock.systemUTC());

        for (String secret : List.of("secret.key", "pki/ca/ca.key.enc", "pki/https-selfsigned.key.enc")) {
            assertEquals("rw-------", mode(data.resolve(secret)), secret);
        }
        for (String directory : List.of("", "pki", "pki/ca", "logs")) {
            assertEquals("rwx------", mode(data.resolve(directory)), directory);
        }
        assertEquals("rw-r--r--", mode(data.resolve("pki/https-selfsigned.crt")));
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
