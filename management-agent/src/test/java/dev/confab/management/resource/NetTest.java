package dev.confab.management.resource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "255.255.255.255", "0.0.0.0", "192.168.1.254"})
    void acceptsDottedQuadIpv4(String address) {
        assertTrue(Net.isIpv4(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0", "256.1.1.1", "1.2.3.4.5", "01.2.3.4", "a.b.c.d", " 1.2.3.4", ""})
    void refusesMalformedIpv4(String address) {
        assertFalse(Net.isIpv4(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::1", "::1", "::", "fe80::1:2:3:4", "2001:db8:0:0:0:0:0:1", "::ffff:192.0.2.1",
            "2001:db8::"})
    void acceptsIpv6TextForms(String address) {
        assertTrue(Net.isIpv6(address), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::g", "1::2::3", "2001:db8:0:0:0:0:0:0:1", "12345::1", ":::", "1.2.3.4",
            "2001:db8:0:0:0:0:0", "::ffff:300.1.1.1"})
    void refusesMalformedIpv6(String address) {
        assertFalse(Net.isIpv6(address), address);
    }

    @ParameterizedTest
    @CsvSource({"255.255.255.0,24", "255.255.240.0,20", "255.255.255.255,32", "0.0.0.0,0", "255.0.255.0,-1",
            "255.255.255.1,-1"})
    void computesThePrefixOfAContiguousNetmask(String netmask, int prefix) {
        assertEquals(prefix, Net.prefixLength(netmask));
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.11,255.255.255.0,10.0.0.1,true", "10.0.0.11,255.255.255.0,10.0.1.1,false",
            "172.31.10.5,255.255.240.0,172.31.0.1,true", "10.0.0.11,255.255.255.255,169.254.0.1,true",
            "10.0.0.11,255.255.255.0,10.0.0.11,false"})
    void placesTheGatewayInsideTheSubnet(String address, String netmask, String gateway, boolean inside) {
        assertEquals(inside, Net.gatewayInSubnet(address, netmask, gateway));
    }
}
