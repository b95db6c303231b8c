package dev.confab.shared.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confab.shared.crypto.SecretBox;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityStoreTest {

    @TempDir
    Path root;

    @Test
    void loadsTheSameAuthorityItSaved() throws Exception {
        // Given an authority saved to a directory
        SecretBox box = SecretBox.openOrCreate(root.resolve("secret.key"));
        CertificateAuthority saved = CertificateAuthority.create("Confab CA", Fixtures.CLOCK);
        saved.save(root.resolve("ca"), box);
        // When it is loaded
        CertificateAuthority loaded = CertificateAuthority.load(root.resolve("ca"), box, Fixtures.CLOCK);
        // Then it is the same authority, and what it issues chains to the saved certificate
        assertEquals(saved.certificate(), loaded.certificate());
        assertEquals(saved.fingerprintSha256(), loaded.fingerprintSha256());
        X509Certificate issued = loaded.issue(request(), "conf01.example.com", List.of(), Duration.ofDays(1));
        issued.verify(saved.certificate().getPublicKey());
    }

    @Test
    void keepsTheKeyOwnerOnlyAndSealed() throws Exception {
        SecretBox box = SecretBox.openOrCreate(root.resolve("secret.key"));
        CertificateAuthority authority = CertificateAuthority.create("Confab CA", Fixtures.CLOCK);
        authority.save(root.resolve("ca"), box);

        Path keyFile = root.resolve("ca/ca.key.enc");
        String stored = Files.readString(keyFile);
        String plainKeyPem = Pem.encode(CaStore.load(root.resolve("ca"), box).privateKey());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertTrue(stored.startsWith("v1:"), stored);
        assertFalse(stored.contains("PRIVATE KEY"));
        assertFalse(stored.contains(plainKeyPem.lines().skip(1).findFirst().orElseThrow()));
        assertEquals(authority.certificate(), Pem.readCertificates(Files.readString(root.resolve("ca/ca.crt"))).get(0));
    }

    @Test
    void recordsRevocationsInTheDirectoryAsTheyHappen() {
        // Given a saved authority
        SecretBox box = SecretBox.openOrCreate(root.resolve("secret.key"));
        CertificateAuthority authority = CertificateAuthority.create("Confab CA", Fixtures.CLOCK);
        authority.save(root.resolve("ca"), box);
        // When it revokes a serial and is not saved again
        authority.revoke(BigInteger.valueOf(0xabcdef));
        // Then the revocation is still known after loading
        CertificateAuthority loaded = CertificateAuthority.load(root.resolve("ca"), box, Fixtures.CLOCK);
        assertEquals(Set.of(BigInteger.valueOf(0xabcdef)), loaded.revokedSerials());
        assertNotNull(loaded.crl().getRevokedCertificate(BigInteger.valueOf(0xabcdef)));
    }

    @Test
    void keepsEveryRevocationMadeConcurrently() throws Exception {
        // Given a saved authority and four threads revoking 25 serials each
        SecretBox box = SecretBox.openOrCreate(root.resolve("secret.key"));
        CertificateAuthority authority = CertificateAuthority.loadOrCreate(root.resolve("ca"), box, "Confab CA",
                Fixtures.CLOCK);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> done = IntStream.range(0, 4).<Future<?>>mapToObj(thread -> threads.submit(() ->
                IntStream.range(0, 25).forEach(i -> authority.revoke(BigInteger.valueOf(thread * 100L + i))))).toList();
        for (Future<?> each : done) {
            each.get();
        }
        threads.shutdown();
        // Then all hundred are revoked, in memory and on disk
        assertEquals(100, authority.revokedSerials().size());
        assertEquals(100, CertificateAuthority.load(root.resolve("ca"), box, Fixtures.CLOCK).revokedSerials().size());
    }

    @Test
    void createsOnceThenLoads() {
        SecretBox box = SecretBox.openOrCreate(root.resolve("secret.key"));
        Path directory = root.resolve("ca");

        CertificateAuthority first = CertificateAuthority.loadOrCreate(directory, box, "Confab CA", Fixtures.CLOCK);
        CertificateAuthority second = CertificateAuthority.loadOrCreate(directory, box, "Other", Fixtures.CLOCK);

        assertEquals(first.fingerprintSha256(), second.fingerprintSha256());
        assertTrue(Files.exists(root.resolve("ca/revoked.txt")));
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws Exception {
        SecretBox box = SecretBox.openOrCreate(root.resolve("secret.key"));
        CertificateAuthority authority = CertificateAuthority.loadOrCreate(root.resolve("ca"), box, "Confab CA",
                Fixtures.CLOCK);
        authority.revoke(BigInteger.TEN);

        try (Stream<Path> files = Files.list(root.resolve("ca"))) {
            assertEquals(Set.of("ca.crt", "ca.key.enc", "revoked.txt"),
                    Set.copyOf(files.map(file -> file.getFileName().toString()).toList()));
        }
    }

    @Test
    void refusesToLoadWithAnotherKeyFile() {
        CertificateAuthority.create("Confab CA", Fixtures.CLOCK)
                .save(root.resolve("ca"), SecretBox.openOrCreate(root.resolve("secret.key")));
        SecretBox otherBox = SecretBox.openOrCreate(root.resolve("other.key"));

        PkiException refused = assertThrows(PkiException.class,
                () -> CertificateAuthority.load(root.resolve("ca"), otherBox, Fixtures.CLOCK));

        assertTrue(refused.getMessage().contains("cannot be opened with this key file"), refused.getMessage());
    }

    @Test
    void refusesToOverwriteAnotherAuthority() {
        SecretBox box = SecretBox.openOrCreate(root.resolve("secret.key"));
        CertificateAuthority.create("Confab CA", Fixtures.CLOCK).save(root.resolve("ca"), box);
        CertificateAuthority other = CertificateAuthority.create("Confab CA", Fixtures.CLOCK);

        PkiException refused = assertThrows(PkiException.class, () -> other.save(root.resolve("ca"), box));

        assertTrue(refused.getMessage().contains("already holds a different certificate authority"),
                refused.getMessage());
    }

    @Test
    void pointsAtTheBrokenLineOfARevocationFile() throws Exception {
        SecretBox box = SecretBox.openOrCreate(root.resolve("secret.key"));
        CertificateAuthority.create("Confab CA", Fixtures.CLOCK).save(root.resolve("ca"), box);
        Files.writeString(root.resolve("ca/revoked.txt"), "# header\nzz 2026-01-01T00:00:00Z\n");

        PkiException refused = assertThrows(PkiException.class,
                () -> CertificateAuthority.load(root.resolve("ca"), box, Fixtures.CLOCK));

        assertTrue(refused.getMessage().contains("revoked.txt line 2"), refused.getMessage());
    }

    private static String request() {
        return CertificateRequest.create(KeyPairs.ecP256(), "conf01.example.com", List.of()).pem();
    }
}
