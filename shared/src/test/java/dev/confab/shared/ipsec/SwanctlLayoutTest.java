package dev.confab.shared.ipsec;

import dev.confab.shared.internal.SecureFiles;
import dev.confab.shared.pki.CertificateAuthority;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SwanctlLayoutTest {

    private static final CertificateAuthority CA = CertificateAuthority.create("Test CA", Clock.systemUTC());

    @Test
    void writesCredentialsWhereSwanctlLoadsThemAndTheKeyForItsOwnerOnly(@TempDir Path dir) throws Exception {
        IssuedCertificate node = IpsecCertificates.issue(CA, "cn1.example.com", "10.0.1.11", Duration.ofDays(1));
        IpsecIdentity self = IpsecIdentity.of("cn1", "10.0.1.11");
        Path swanctl = dir.resolve("ipsec/swanctl");

        SwanctlLayout.write(swanctl, self, new IpsecCredentials(node, CA.certificate()), "connections {\n}\n");

        assertEquals(CA.certificate(), Pem.readCertificates(read(swanctl, "x509ca/ca.crt")).get(0));
        assertEquals(node.certificate(), Pem.readCertificates(read(swanctl, "x509/node.crt")).get(0));
        assertEquals(node.privateKey(), Pem.readPrivateKey(read(swanctl, "private/node.key"), null));
        assertTrue(SecureFiles.isOwnerOnly(swanctl.resolve("private/node.key")));
        assertEquals("rwx------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(swanctl.resolve("private"))));
        assertEquals("connections {\n}\n", Files.readString(swanctl.resolve("swanctl.conf")));
    }

    private static String read(Path directory, String file) throws Exception {
        return Files.readString(directory.resolve(file));
    }

    @Test
    void issuesIpsecCertificatesForTheAddressFromTheGivenAuthority() throws Exception {
        IssuedCertificate node = IpsecCertificates.issue(CA, "cn1.example.com", "10.0.1.11", Duration.ofDays(1));

        node.certificate().verify(CA.certificate().getPublicKey());
        assertEquals(List.of(List.of(7, "10.0.1.11")), node.certificate().getSubjectAlternativeNames().stream()
                .map(List::copyOf).toList());
    }
}
