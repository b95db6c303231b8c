package dev.confab.shared.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Ipv4NetworkTest {

    private static Ipv4Address ip(String text) {
        return Ipv4Address.parse(text);
    }

    @ParameterizedTest
    @CsvSource({
        // any address,  prefix, network,          broadcast,        netmask
        "10.0.0.11,      24,     10.0.0.0/24,      10.0.0.255,       255.255.255.0",
        "172.31.10.5,    20,     172.31.0.0/20,    172.31.15.255,    255.255.240.0",
        "10.0.0.11,      32,     10.0.0.11/32,     10.0.0.11,        255.255.255.255",
        "10.0.0.11,      31,     10.0.0.10/31,     10.0.0.11,        255.255.255.254",
        "192.168.7.200,  0,      0.0.0.0/0,        255.255.255.255,  0.0.0.0",
        "200.1.2.3,      1,      128.0.0.0/1,      255.255.255.255,  128.0.0.0"})
    void findsTheSubnetOfAnAddress(String address, int prefix, String network, String broadcast, String netmask) {
        Ipv4Network subnet = Ipv4Network.of(ip(address), prefix);

        assertEquals(network, subnet.toString());
        assertEquals(broadcast, subnet.broadcast().toString());
        assertEquals(netmask, subnet.netmask().toString());
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0,    24, 10.0.0.1,     true",  "10.0.0.0,    24, 10.0.0.255, true",
        "10.0.0.0,    24, 10.0.1.1,     false", "10.0.0.0,    24, 9.255.255.255, false",
        "172.31.0.0,  20, 172.31.15.1,  true",  "172.31.0.0,  20, 172.31.16.1, false",
        "10.0.0.11,   32, 10.0.0.11,    true",  "10.0.0.11,   32, 10.0.0.12,  false",
        "0.0.0.0,     0,  203.0.113.9,  true",  "128.0.0.0,   1,  127.0.0.1,  false"})
    void containsTheAddressesThatShareItsPrefix(String network, int prefix, String candidate, boolean inside) {
        assertEquals(inside, new Ipv4Network(ip(network), prefix).contains(ip(candidate)));
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0,24,10.0.0.1,true", "10.0.0.0,24,10.0.1.1,false", "10.0.0.11,32,169.254.0.1,true",
            "10.0.0.11,32,10.0.0.11,true", "10.0.0.10,31,10.0.0.11,true", "10.0.0.10,31,10.0.0.12,false"})
    void acceptsAGatewayInsideOrAnyGatewayOnASlash32(String network, int prefix, String gateway, boolean accepted) {
        assertEquals(accepted, new Ipv4Network(ip(network), prefix).acceptsGateway(ip(gateway)));
    }

    @Test
    void refusesANetworkAddressWithHostBits() {
        Ipv4FormatException refused = assertThrows(Ipv4FormatException.class,
                () -> new Ipv4Network(ip("10.0.0.11"), 24));

        assertEquals("10.0.0.11/24 is not a network address: its host part is not zero; the network is"
                + " 10.0.0.0/24.", refused.getMessage());
    }
}
