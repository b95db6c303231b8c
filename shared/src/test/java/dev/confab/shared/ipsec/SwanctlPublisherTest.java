package dev.confab.shared.ipsec;

import dev.confab.shared.pki.CertificateAuthority;
import dev.confab.shared.wire.MeshPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SwanctlPublisherTest {

    private static final CertificateAuthority CA = CertificateAuthority.create("Test CA", Clock.systemUTC());
    private static final MeshPeer CN1 = new MeshPeer("cn1", "10.0.1.11", NodeTypes.CONFERENCING, "London");
    private static final MeshPeer CN2 = new MeshPeer("cn2", "10.0.1.12", NodeTypes.CONFERENCING, "London");

    @Test
    void loadsEachChangeOnceAndClosesTheTunnelOfAPeerThatLeft(@TempDir Path dir) throws Exception {
        // Given a swanctl that records its arguments, and a charon socket
        Path calls = dir.resolve("calls");
        Path swanctl = dir.resolve("swanctl");
        Files.writeString(swanctl, "#!/bin/sh\necho \"$@\" >> " + calls + "\n");
        Files.setPosixFilePermissions(swanctl, PosixFilePermissions.fromString("rwx------"));
        String uri = "unix://" + Files.createFile(dir.resolve("charon.vici"));
        SwanctlSettings settings = new SwanctlSettings(dir.resolve("conf"), uri, swanctl.toString(), StartAction.TRAP);
        IpsecIdentity self = IpsecIdentity.of("mgmt", "10.0.0.1");
        IpsecCredentials credentials = new IpsecCredentials(
                IpsecCertificates.issue(CA, "mgmt", "10.0.0.1", Duration.ofDays(1)), CA.certificate());

        try (SwanctlPublisher publisher = new SwanctlPublisher(settings, self, credentials)) {
            // When two peers are applied, then the same two again, then one of them only
            publisher.apply(List.of(CN1, CN2));
            publisher.apply(List.of(CN1, CN2));
            publisher.apply(List.of(CN1));
        }

        // Then the unchanged file was not loaded again, and the peer that left lost its SAs
        assertEquals(List.of(
                "--load-all --uri " + uri,
                "--load-all --uri " + uri,
                "--terminate --ike confab-10-0-1-12 --force --timeout 5 --uri " + uri), Files.readAllLines(calls));
    }

    @Test
    void aLoadThatFailedCountsAsNotAppliedAndTheSamePeersAreLoadedAgain(@TempDir Path dir) throws Exception {
        // Given a swanctl that fails the first time and succeeds after, and a charon socket
        Path calls = dir.resolve("calls");
        Path swanctl = dir.resolve("swanctl");
        Files.writeString(swanctl, "#!/bin/sh\necho \"$@\" >> " + calls + "\n"
                + "[ \"$(wc -l < " + calls + ")\" -gt 1 ]\n");
        Files.setPosixFilePermissions(swanctl, PosixFilePermissions.fromString("rwx------"));
        String uri = "unix://" + Files.createFile(dir.resolve("charon.vici"));
        SwanctlSettings settings = new SwanctlSettings(dir.resolve("conf"), uri, swanctl.toString(), StartAction.TRAP);
        IpsecCredentials credentials = new IpsecCredentials(
                IpsecCertificates.issue(CA, "mgmt", "10.0.0.1", Duration.ofDays(1)), CA.certificate());

        try (SwanctlPublisher publisher = new SwanctlPublisher(settings, IpsecIdentity.of("mgmt", "10.0.0.1"),
                credentials)) {
            assertFalse(publisher.applied(), "nothing applied yet");

            // When the peers are applied, and the load fails
            assertEquals(SwanctlLoader.Status.FAILED, publisher.apply(List.of(CN1)).status());
            // Then nothing counts as applied, and the same peers are loaded again
            assertFalse(publisher.applied());
            assertEquals(SwanctlLoader.Status.LOADED, publisher.apply(List.of(CN1)).status());
            assertTrue(publisher.applied());
        }
        assertEquals(2, Files.readAllLines(calls).size());
    }
}
