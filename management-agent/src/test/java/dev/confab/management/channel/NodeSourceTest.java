package dev.confab.management.channel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NodeSourceTest {

    @ParameterizedTest(name = "a node at {0} (static NAT {1}) is {3} from {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "10.20.0.5 | -           | 10.20.0.5   | admitted",
            "10.20.0.5 | 198.51.100.7 | 198.51.100.7 | admitted",
            "10.20.0.5 | -           | 10.20.0.6   | refused",
            "10.20.0.5 | 198.51.100.7 | 10.20.0.6   | refused",
            "10.20.0.5 | -           | 127.0.0.1   | refused",
            // loopback is this host, and Linux sends to it from 127.0.0.1 unless the socket is bound
            "127.0.1.2 | -           | 127.0.0.1   | admitted",
            "127.0.1.2 | -           | 10.20.0.5   | refused",
    })
    void admitsOnlyTheNodesOwnOrStaticNatAddress(String address, String nat, String from, String outcome) {
        NodeSource source = new NodeSource(address, Optional.ofNullable(nat));
        assertEquals(outcome, source.admits(from) ? "admitted" : "refused");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-            | This node's configured address is 10.20.0.5; the request came from 10.9.9.9: upload the file on the host with that address, or correct the node's address.",
            "198.51.100.7 | This node's configured address is 10.20.0.5 (static NAT address 198.51.100.7); the request came from 10.9.9.9: upload the file on the host with that address, or correct the node's address.",
    })
    void saysWhereTheNodeIsAndWhereTheRequestCameFrom(String nat, String message) {
        assertEquals(message, new NodeSource("10.20.0.5", Optional.ofNullable(nat)).refusal("10.9.9.9"));
    }
}
