package dev.confab.management.http;

import dev.confab.shared.crypto.SecretBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The self-signed HTTPS identity kept in {@code pki/}. */
class HttpsIdentityTest {

    @Test
    void writesTheSealedKeyForItsOwnerOnlyAndTheCertificateForAll(@TempDir Path dir) throws Exception {
        SecretBox secrets = SecretBox.openOrCreate(dir.resolve("secret.key"));

        HttpsIdentity.selfSigned(dir, secrets, "mgmt", List.of("127.0.0.1"), Clock.systemUTC());

        assertEquals("rw-------", mode(dir.resolve("https-selfsigned.key.enc")));
        assertEquals("rw-r--r--", mode(dir.resolve("https-selfsigned.crt")));
    }

    @Test
    void restrictsAKeyAnEarlierReleaseLeftReadableByAll(@TempDir Path dir) throws Exception {
        SecretBox secrets = SecretBox.openOrCreate(dir.resolve("secret.key"));
        HttpsIdentity first = HttpsIdentity.selfSigned(dir, secrets, "mgmt", List.of("127.0.0.1"), Clock.systemUTC());
        Files.setPosixFilePermissions(dir.resolve("https-selfsigned.key.enc"), PosixFilePermissions.fromString("rw-r--r--"));

        HttpsIdentity again = HttpsIdentity.selfSigned(dir, secrets, "mgmt", List.of("127.0.0.1"), Clock.systemUTC());

        assertEquals(first.chain(), again.chain(), "the same identity");
        assertEquals("rw-------", mode(dir.resolve("https-selfsigned.key.enc")));
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
