package dev.confab.shared.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.shared.capacity.Capacity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeartbeatTest {

    private final ObjectMapper json = NodeChannel.json();

    @Test
    void aHeartbeatWithoutCallsReadsAsANodeThatSignalsNone() throws Exception {
        Heartbeat old = json.readValue("""
                {"version": "1", "bootTime": "2026-01-01T00:00:00Z", "appliedRevision": 3,
                 "capacity": {"maxFullHdCalls": 8, "maxHdCalls": 17, "maxSdCalls": 39, "maxAudioCalls": 324,
                              "maxMediaTokens": 272},
                 "load": {"mediaTokensUsed": 0, "mediaLoad": 0, "calls": {}},
                 "maintenanceMode": false, "cpuCount": 8, "memoryMb": 16384}
                """, Heartbeat.class);
        assertEquals(Heartbeat.Calls.none(), old.calls());
        assertEquals(Heartbeat.Endpoints.none(), old.endpoints());
        assertEquals(List.of(), old.load().conferences());
    }

    @Test
    void callsLoadAndEndpointsSurviveTheWire() throws Exception {
        ParticipantReport call = new ParticipantReport("u-1", "Alice", "meet", "Board", "conference", "HOST", "hd",
                "cn1", "cn2", "London", "2026-01-01T00:00:01Z", true);
        Heartbeat sent = new Heartbeat("1", "2026-01-01T00:00:00Z", 3, Capacity.ofCpus(8),
                new Heartbeat.Load(32, 12, Map.of("HD", 1), List.of("Board")), false, 8, 16384,
                new Heartbeat.Calls("i-1", 7, List.of(call)), new Heartbeat.Endpoints(4443, 9443));
        Heartbeat read = json.readValue(json.writeValueAsBytes(sent), Heartbeat.class);
        assertEquals(sent, read);
    }

    @Test
    void aNodeLoadCountsFreeHdCallsInWholeCalls() {
        NodeLoad node = new NodeLoad("cn1", "CONFERENCING", "10.0.0.1", 9443, true, false, 272, 17 * 16 - 31,
                List.of("Board"));
        assertEquals(31, node.freeTokens());
        assertEquals(1, node.freeHdCalls());
        assertTrue(node.hosts("Board"));
        assertFalse(node.hosts("Other"));
    }
}
