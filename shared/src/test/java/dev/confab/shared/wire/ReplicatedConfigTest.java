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
}
