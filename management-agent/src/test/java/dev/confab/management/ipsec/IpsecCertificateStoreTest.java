package dev.confab.management.ipsec;

import dev.confab.shared.crypto.SecretBox;
import dev.confab.shared.internal.SecureFiles;
import dev.confab.shared.ipsec.IpsecCertificates;
import dev.confab.shared.ipsec.IpsecIdentity;
import dev.confab.shared.pki.CertificateAuthority;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.KeyPairs;
import dev.confab.shared.pki.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The Management Node's IPsec certificate: its key is kept once, where charon reads it (mode 0600
 * in a 0700 directory), never also sealed beside it.
 */
class IpsecCertificateStoreTest {

    static final String ADDRESS = "127.0.0.1";
    static final IpsecIdentity SELF = IpsecIdentity.of(ManagementIpsec.NAME, ADDRESS);
    static final CertificateAuthority CA = CertificateAuthority.create("Test CA", Clock.systemUTC());

    @Test
    void keepsTheKeyOnlyWhereCharonReadsItForItsOwnerOnly(@TempDir Path dir) throws Exception {
        SecretBox secrets = SecretBox.openOrCreate(dir.resolve("secret.key"));
        Path swanctl = dir.resolve("ipsec/swanctl");

        IssuedCertificate issued = load(dir, secrets);

        Path key = swanctl.resolve("private/node.key");
        assertEquals(issued.privateKey(), Pem.readPrivateKey(Files.readString(key), null));
        assertEquals("rw-------", mode(key));
        assertEquals("rwx------", mode(key.getParent()));
        assertFalse(Files.exists(dir.resolve("ipsec/ipsec.key.enc")), "no sealed copy beside it");
        assertEquals(issued.certificate(), load(dir, secrets).certificate(), "kept across starts");
    }

    @Test
    void takesOverTheSealedKeyOfAnEarlierReleaseAndRemovesIt(@TempDir Path dir) throws Exception {
        SecretBox secrets = SecretBox.openOrCreate(dir.resolve("secret.key"));
        IssuedCertificate earlier = IpsecCertificates.issue(CA, "Confab Management Node " + ADDRESS, ADDRESS,
                Duration.ofDays(825));
        Path ipsec = Files.createDirectories(dir.resolve("ipsec"));
        SecureFiles.writeAtomically(ipsec.resolve("ipsec.key.enc"), secrets.seal(earlier.privateKeyPem())
                .getBytes(StandardCharsets.US_ASCII), SecureFiles.OWNER_ONLY);
        Files.writeString(ipsec.resolve("ipsec.crt"), earlier.certificatePem());

        IssuedCertificate loaded = load(dir, secrets);

        assertEquals(earlier.certificate(), loaded.certificate(), "the same certificate, not a new one");
        assertEquals(earlier.privateKey(), Pem.readPrivateKey(Files.readString(
                ipsec.resolve("swanctl/private/node.key")), null));
        assertEquals("rw-------", mode(ipsec.resolve("swanctl/private/node.key")));
        assertFalse(Files.exists(ipsec.resolve("ipsec.key.enc")));
    }

    @Test
    void issuesAgainWhenTheKeyIsNotTheCertificates(@TempDir Path dir) throws Exception {
        SecretBox secrets = SecretBox.openOrCreate(dir.resolve("secret.key"));
        IssuedCertificate first = load(dir, secrets);
        Files.writeString(dir.resolve("ipsec/swanctl/private/node.key"), Pem.encode(KeyPairs.ecP256().getPrivate()));

        IssuedCertificate second = load(dir, secrets);

        assertNotEquals(first.certificate(), second.certificate());
        assertEquals(second.privateKey(), Pem.readPrivateKey(Files.readString(
                dir.resolve("ipsec/swanctl/private/node.key")), null));
    }

    private static IssuedCertificate load(Path dir, SecretBox secrets) {
        return IpsecCertificateStore.loadOrIssue(dir.resolve("ipsec"), dir.resolve("ipsec/swanctl"), SELF, secrets, CA,
                ADDRESS, Clock.systemUTC());
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
