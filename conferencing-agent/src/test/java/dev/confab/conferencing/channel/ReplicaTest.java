package dev.confab.conferencing.channel;

import dev.confab.shared.wire.ConfigUpdate;
import dev.confab.shared.wire.MeshPeer;
import dev.confab.shared.wire.ReplicatedConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicaTest {

    private static final String FQDN = "lon-cn1.example.com";

    static Map<String, Object> node(long id, String name, boolean maintenance, boolean distributed) {
        Map<String, Object> node = new HashMap<>();
        node.put("id", id);
        node.put("name", name);
        node.put("hostname", name);
        node.put("domain", "example.com");
        node.put("address", "10.0.1." + id);
        node.put("node_type", "CONFERENCING");
        node.put("system_location", "/api/admin/configuration/v1/system_location/1/");
        node.put("maintenance_mode", maintenance);
        node.put("maintenance_mode_reason", maintenance ? "patching" : "");
        node.put("enable_distributed_database", distributed);
        node.put(ReplicatedConfig.ENROLLED, true);
        return node;
    }

    static ReplicatedConfig config(long revision, boolean maintenance, boolean distributed) {
        return ReplicatedConfig.of(revision, Map.of(
                "system_location", List.of(Map.of("id", 1L, "name", "London")),
                "worker_vm", List.of(node(7, "lon-cn1", maintenance, distributed), node(8, "lon-cn2", false, true))));
    }

    @Test
    void appliesASnapshotThenADeltaAndTakesItsMaintenanceModeFromItsOwnNode(@TempDir Path dir) {
        Replica replica = Replica.open(FQDN, new ReplicaFile(dir.resolve("replica.json")), List.of());
        assertEquals(-1, replica.since(), "nothing held yet: ask for a snapshot");
        assertTrue(replica.apply(config(3, false, true).snapshot()));
        assertEquals(3, replica.since());
        assertFalse(replica.maintenanceMode());
        assertTrue(replica.apply(config(4, true, true).since(config(3, false, true))));
        assertEquals(4, replica.since());
        assertTrue(replica.maintenanceMode());
        assertEquals("patching", replica.maintenanceReason());
    }

    @Test
    void keepsItsReplicaOnDiskOwnerOnlyAndServesItAfterARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("replica.json");
        Replica replica = Replica.open(FQDN, new ReplicaFile(file), List.of());
        replica.apply(withCertificate(config(5, false, true).snapshot()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Replica restarted = Replica.open(FQDN, new ReplicaFile(file), List.of());
        assertEquals(5, restarted.since());
        assertEquals(config(5, false, true).checksum(), restarted.config().checksum());
        assertEquals("KEY", restarted.tlsCertificate().orElseThrow().privateKey());
    }

    @Test
    void withoutTheDistributedDatabaseTheReplicaLivesInMemoryOnly(@TempDir Path dir) {
        Path file = dir.resolve("replica.json");
        Replica replica = Replica.open(FQDN, new ReplicaFile(file), List.of());
        replica.apply(config(5, false, true).snapshot());
        assertTrue(Files.exists(file));
        replica.apply(config(6, false, false).since(config(5, false, true)));
        assertFalse(Files.exists(file), "switching it off removes the copy on disk");
        assertEquals(-1, Replica.open(FQDN, new ReplicaFile(file), List.of()).since());
    }

    @Test
    void aChecksumMismatchAsksForASnapshotNext(@TempDir Path dir) {
        Replica replica = Replica.open(FQDN, new ReplicaFile(dir.resolve("replica.json")), List.of());
        replica.apply(config(5, false, true).snapshot());
        ConfigUpdate wrong = new ConfigUpdate(6, false, "0000", Map.of(), Map.of(), null);
        assertFalse(replica.apply(wrong));
        assertEquals(-1, replica.since());
        assertTrue(replica.apply(config(6, false, true).snapshot()));
        assertEquals(6, replica.since());
    }

    @Test
    void meshListenersHearOfAChangedNodeListOnly(@TempDir Path dir) {
        List<List<MeshPeer>> heard = new ArrayList<>();
        Replica replica = Replica.open(FQDN, new ReplicaFile(dir.resolve("replica.json")), List.of(heard::add));
        replica.apply(config(3, false, true).snapshot());
        replica.apply(config(4, true, true).since(config(3, false, true)));
        assertEquals(1, heard.size(), "maintenance mode does not change the mesh");
        assertEquals(List.of(new MeshPeer("lon-cn1", "10.0.1.7", "CONFERENCING", "London"),
                new MeshPeer("lon-cn2", "10.0.1.8", "CONFERENCING", "London")), heard.get(0));
        Replica.open(FQDN, new ReplicaFile(dir.resolve("replica.json")), List.of(heard::add));
        assertEquals(2, heard.size(), "told again at start from the replica on disk");
    }

    private static ConfigUpdate withCertificate(ConfigUpdate update) {
        return new ConfigUpdate(update.revision(), update.snapshot(), update.checksum(), update.upserts(),
                update.deletions(), new ConfigUpdate.NodeTlsCertificate("CERT", "KEY"));
    }

    @Test
    void meshListenersHearOfEnrolledNodesOnlyAndOfAnEnrolmentAtTheSameRevision(@TempDir Path dir) {
        List<List<MeshPeer>> heard = new ArrayList<>();
        Replica replica = Replica.open(FQDN, new ReplicaFile(dir.resolve("replica.json")), List.of(heard::add));
        Map<String, Object> pending = node(8, "lon-cn2", false, true);
        pending.put(ReplicatedConfig.ENROLLED, false);
        ReplicatedConfig before = ReplicatedConfig.of(3, Map.of(
                "system_location", List.of(Map.of("id", 1L, "name", "London")),
                "worker_vm", List.of(node(7, "lon-cn1", false, true), pending)));
        replica.apply(before.snapshot());
        assertEquals(List.of(List.of(new MeshPeer("lon-cn1", "10.0.1.7", "CONFERENCING", "London"))), heard);

        // lon-cn2 enrols: no new revision, but its "enrolled" changes
        assertTrue(replica.apply(config(3, false, true).since(before)));

        assertEquals(List.of(new MeshPeer("lon-cn1", "10.0.1.7", "CONFERENCING", "London"),
                new MeshPeer("lon-cn2", "10.0.1.8", "CONFERENCING", "London")), heard.get(1));
    }
}
