package dev.confab.shared.ipsec;

import dev.confab.shared.wire.MeshPeer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The platform below: London transcodes for the edge in Berlin and overflows to Paris; Paris
 * overflows to Madrid; Oslo holds an unrelated edge that transcodes in Madrid.
 */
class MeshSelectionTest {

    private static final MeshPeer MGMT = new MeshPeer("mgmt", "10.0.0.1", NodeTypes.MANAGEMENT, "");
    private static final List<MeshPeer> NODES = List.of(
            MGMT,
            node("lon1", "10.0.1.1", NodeTypes.CONFERENCING, "London"),
            node("lon2", "10.0.1.2", NodeTypes.CONFERENCING, "London"),
            node("par1", "10.0.2.1", NodeTypes.CONFERENCING, "Paris"),
            node("mad1", "10.0.3.1", NodeTypes.CONFERENCING, "Madrid"),
            node("ber1", "10.0.4.1", NodeTypes.PROXYING, "Berlin"),
            node("ber2", "10.0.4.2", NodeTypes.PROXYING, "Berlin"),
            node("osl1", "10.0.5.1", NodeTypes.PROXYING, "Oslo"));
    private static final Map<String, LocationLinks> LOCATIONS = Map.of(
            "London", new LocationLinks("London", "", "Paris", ""),
            "Paris", new LocationLinks("Paris", "", "Madrid", ""),
            "Berlin", new LocationLinks("Berlin", "London", "Paris", ""),
            "Oslo", new LocationLinks("Oslo", "Madrid", "", ""));

    @ParameterizedTest(name = "{0} keeps tunnels with {1}")
    @CsvSource(delimiter = '|', value = {
            // the Management Node and transcoding nodes: everyone but the edges that do not need them
            "mgmt | lon1 lon2 par1 mad1 ber1 ber2 osl1",
            "lon1 | mgmt lon2 par1 mad1 ber1 ber2",
            "par1 | mgmt lon1 lon2 mad1 ber1 ber2",
            "mad1 | mgmt lon1 lon2 par1 osl1",
            // edges: own location, transcoding and overflow locations, the Management Node
            "ber1 | mgmt lon1 lon2 par1 ber2",
            "osl1 | mgmt mad1",
    })
    void keepsAFullMeshExceptWhereAProxyingEdgeNeedsNoTunnel(String self, String expected) {
        MeshPeer node = NODES.stream().filter(peer -> peer.name().equals(self)).findFirst().orElseThrow();

        List<String> peers = MeshSelection.peersOf(node, NODES, LOCATIONS).stream().map(MeshPeer::name).toList();

        assertEquals(Arrays.asList(expected.split(" ")), peers);
    }

    @ParameterizedTest(name = "an edge in a location without links keeps tunnels with {1}")
    @CsvSource(delimiter = '|', value = {"ber1 | mgmt ber2"})
    void anEdgeWhoseLocationIsUnknownKeepsOnlyItsLocationAndTheManagementNode(String self, String expected) {
        MeshPeer node = NODES.stream().filter(peer -> peer.name().equals(self)).findFirst().orElseThrow();

        List<String> peers = MeshSelection.peersOf(node, NODES, Map.of()).stream().map(MeshPeer::name).toList();

        assertEquals(Arrays.asList(expected.split(" ")), peers);
    }

    @ParameterizedTest(name = "a node at {0} keeps a tunnel with {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "10.0.1.1  | 10.0.1.2        | true",
            "10.0.1.1  | 0.0.0.0         | false",
            "10.0.1.1  | 255.255.255.255 | false",
            "10.0.1.1  | 224.0.0.5       | false",
            "10.0.1.1  | 169.254.1.1     | false",
            // from another host, a loopback address would name the node's own host
            "10.0.1.1  | 127.0.1.2       | false",
            // side by side on loopback, as in the demo
            "127.0.1.1 | 127.0.1.2       | true",
            "127.0.1.1 | 10.0.1.2        | true",
    })
    void keepsOnlyPeersWhoseAddressNamesAnotherHost(String self, String peer, boolean kept) {
        MeshPeer node = node("self", self, NodeTypes.CONFERENCING, "London");
        List<MeshPeer> nodes = List.of(node, node("peer", peer, NodeTypes.CONFERENCING, "London"));

        assertEquals(kept ? List.of("peer") : List.of(),
                MeshSelection.peersOf(node, nodes, LOCATIONS).stream().map(MeshPeer::name).toList());
    }

    private static MeshPeer node(String name, String address, String type, String location) {
        return new MeshPeer(name, address, type, location);
    }
}
