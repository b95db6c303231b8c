package dev.confab.conferencing.ipsec;

import dev.confab.shared.ipsec.IpsecCertificates;
import dev.confab.shared.ipsec.LocationLinks;
import dev.confab.shared.ipsec.StartAction;
import dev.confab.shared.ipsec.SwanctlLoader;
import dev.confab.shared.ipsec.SwanctlSettings;
import dev.confab.shared.nodeconfig.NodeConfig;
import dev.confab.shared.pki.CertificateAuthority;
import dev.confab.shared.ipsec.NodeTypes;
import dev.confab.shared.wire.MeshPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpsecMeshTest {

    private static final CertificateAuthority CA = CertificateAuthority.create("Test CA", Clock.systemUTC());
    private static final MeshPeer LONDON = new MeshPeer("lon1", "10.0.1.1", NodeTypes.CONFERENCING, "London");
    private static final MeshPeer OSLO = new MeshPeer("osl1", "10.0.5.1", NodeTypes.CONFERENCING, "Oslo");
    private static final MeshPeer BERLIN = new MeshPeer("ber2", "10.0.4.2", NodeTypes.PROXYING, "Berlin");

    @Test
    void startsWithATunnelToTheManagementNodeOnly(@TempDir Path dir) {
        try (IpsecMesh mesh = mesh(dir, NodeTypes.CONFERENCING)) {
            SwanctlLoader.Outcome outcome = mesh.applyNow();

            assertEquals(SwanctlLoader.Status.SKIPPED, outcome.status());
            assertEquals(List.of("10.0.0.1"), mesh.peers().stream().map(MeshPeer::address).toList());
            String conf = read(dir);
            assertTrue(conf.contains("local_addrs = 10.0.4.1\n        remote_addrs = 10.0.0.1\n"), conf);
            assertTrue(conf.contains("# Management Node (MANAGEMENT)"), conf);
        }
    }

    @Test
    void followsTheReplicatedNodeListAsAFullMeshForATranscodingNode(@TempDir Path dir) {
        try (IpsecMesh mesh = mesh(dir, NodeTypes.CONFERENCING)) {
            mesh.meshChanged(List.of(LONDON, OSLO, BERLIN));

            assertEquals(List.of("Management Node", "lon1", "osl1", "ber2"), names(mesh));
        }
    }

    @Test
    void keepsOnlyTheLocationsAProxyingEdgeNodeNeeds(@TempDir Path dir) {
        try (IpsecMesh mesh = mesh(dir, NodeTypes.PROXYING)) {
            mesh.meshChanged(List.of(LONDON, OSLO, BERLIN));
            mesh.locationsChanged(List.of(new LocationLinks("Berlin", "London", "", "")));

            assertEquals(List.of("Management Node", "lon1", "ber2"), names(mesh));
        }
    }

    /** A node ber1 at 10.0.4.1 in Berlin, enrolled with the Management Node at 10.0.0.1. */
    private static IpsecMesh mesh(Path dir, String role) {
        NodeConfig config = new NodeConfig(
                new NodeConfig.Node("ber1", "", role, "ber1", "example.com", "10.0.4.1", "255.255.255.0",
                        "10.0.4.254", "", "", "", "", List.of(), false, false),
                new NodeConfig.Location("Berlin", 1500, List.of(), List.of()),
                new NodeConfig.ManagementNode("10.0.0.1", 9443, CA.fingerprintSha256()), "$6$x",
                new NodeConfig.Enrolment("t", Instant.now(), Instant.now().plusSeconds(60)));
        EnrolledNode enrolled = new EnrolledNode(IpsecCertificates.issue(CA, "ber1.example.com", "10.0.4.1",
                Duration.ofDays(1)), CA.certificate(), config);
        return IpsecMesh.of(enrolled, new SwanctlSettings(dir, "", dir.resolve("no-swanctl").toString(),
                StartAction.TRAP));
    }

    private static List<String> names(IpsecMesh mesh) {
        return mesh.peers().stream().map(MeshPeer::name).toList();
    }

    private static String read(Path dir) {
        try {
            return Files.readString(dir.resolve("swanctl.conf"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
