package dev.confab.shared.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicatedConfigTest {

    private static final String LOCATION = "/api/admin/configuration/v1/system_location/2/";

    static ReplicatedConfig sample(long revision, boolean maintenance) {
        return ReplicatedConfig.of(revision, Map.of(
                "system_location", List.of(Map.of("id", 2L, "name", "London", "mtu", 1500L)),
                "worker_vm", List.of(Map.of("id", 7L, "name", "lon-cn1", "address", "10.0.0.7",
                        "node_type", "CONFERENCING", "system_location", LOCATION, "maintenance_mode", maintenance)),
                "management_vm", List.of(Map.of("id", 1L, "name", "Management Node", "address", "10.0.0.2"))));
    }

    @Test
    void theChecksumSurvivesTheWireAndIgnoresMapOrderAndNumberTypes() throws Exception {
        ObjectMapper json = NodeChannel.json();
        ReplicatedConfig config = sample(4, false);
        ConfigUpdate sent = json.readValue(json.writeValueAsBytes(config.snapshot()), ConfigUpdate.class);
        ReplicatedConfig received = ReplicatedConfig.empty().apply(sent);
        assertEquals(config.checksum(), received.checksum());
        assertEquals(config, json.readValue(json.writeValueAsBytes(config), ReplicatedConfig.class));
    }

    @Test
    void theChecksumIsTheSumOfEveryObjectsSha256Modulo2To256() throws Exception {
        // the contract both ends keep: SHA-256 of resource, NUL, id, NUL, the object's JSON with sorted keys
        ObjectMapper canonical = new ObjectMapper()
                .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        java.math.BigInteger sum = java.math.BigInteger.ZERO;
        for (Object[] object : new Object[][]{
                {"system_location", "2", Map.of("id", 2L, "name", "London", "mtu", 1500L)},
                {"worker_vm", "7", Map.of("id", 7L, "name", "lon-cn1", "address", "10.0.0.7",
                        "node_type", "CONFERENCING", "system_location", LOCATION, "maintenance_mode", false)},
                {"management_vm", "1", Map.of("id", 1L, "name", "Management Node", "address", "10.0.0.2")}}) {
            java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
            sha256.update((object[0] + "\0" + object[1] + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha256.update(canonical.writeValueAsBytes(object[2]));
            sum = sum.add(new java.math.BigInteger(1, sha256.digest()));
        }
        String expected = String.format("%064x", sum.mod(java.math.BigInteger.ONE.shiftLeft(256)));

        assertEquals(expected, sample(4, false).checksum());
        assertEquals("0".repeat(64), ReplicatedConfig.empty().checksum());
    }

    @Test
    void theChecksumChangesWithAnyValue() {
        assertNotEquals(sample(4, false).checksum(), sample(4, true).checksum());
        assertEquals(sample(4, false).checksum(), sample(9, false).checksum(), "the revision is not content");
    }

    @Test
    void aDeltaTurnsTheOlderConfigurationIntoTheNewer() {
        ReplicatedConfig older = sample(4, false);
        ReplicatedConfig newer = sample(5, true);
        ConfigUpdate delta = newer.since(older);
        assertEquals(List.of("worker_vm"), List.copyOf(delta.upserts().keySet()));
        assertEquals(newer, older.apply(delta));
    }

    @Test
    void theMeshNamesEveryNodeWithItsLocation() {
        assertEquals(List.of(new MeshPeer("Management Node", "10.0.0.2", "MANAGEMENT", ""),
                new MeshPeer("lon-cn1", "10.0.0.7", "CONFERENCING", "London")), sample(1, false).mesh());
        assertTrue(ReplicatedConfig.empty().mesh().isEmpty());
    }

    @Test
    void theEnrolledMeshLeavesOutNodesThatHaveNotEnrolled() {
        ReplicatedConfig config = ReplicatedConfig.of(3, Map.of(
                "system_location", List.of(Map.of("id", 2L, "name", "London")),
                "worker_vm", List.of(
                        Map.of("id", 7L, "name", "lon-cn1", "address", "10.0.0.7", "node_type", "CONFERENCING",
                                "system_location", LOCATION, ReplicatedConfig.ENROLLED, true),
                        Map.of("id", 8L, "name", "lon-cn2", "address", "10.0.0.8", "node_type", "CONFERENCING",
                                "system_location", LOCATION, ReplicatedConfig.ENROLLED, false),
                        Map.of("id", 9L, "name", "lon-cn3", "address", "10.0.0.9", "node_type", "CONFERENCING",
                                "system_location", LOCATION)),
                "management_vm", List.of(Map.of("id", 1L, "name", "Management Node", "address", "10.0.0.2"))));

        assertEquals(List.of(new MeshPeer("Management Node", "10.0.0.2", "MANAGEMENT", ""),
                new MeshPeer("lon-cn1", "10.0.0.7", "CONFERENCING", "London")), config.enrolledMesh());
        assertEquals(4, config.mesh().size());
    }
}
