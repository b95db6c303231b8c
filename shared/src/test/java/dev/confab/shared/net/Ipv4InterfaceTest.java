package dev.confab.shared.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ipv4InterfaceTest {

    @ParameterizedTest
    @CsvSource({
        // address,   netmask,         gateway,      accepted, on link
        "10.0.0.11,   255.255.255.0,   10.0.0.1,     true,  false",
        "10.0.0.11,   255.255.255.0,   10.0.1.1,     false, true",
        "172.31.10.5, 255.255.240.0,   172.31.0.1,   true,  false",
        "10.0.0.11,   255.255.255.255, 169.254.0.1,  true,  true",
        "10.0.0.10,   255.255.255.255, 172.31.0.1,   true,  true",
        "10.0.0.11,   255.255.255.0,   10.0.0.11,    false, false",
        "10.0.0.10,   255.255.0.0,     10.0.200.1,   true,  false",
        "10.0.0.10,   255.255.255.254, 10.0.0.11,    true,  false"})
    void appliesTheGatewayRuleAndTheSlash32OnLinkRule(String address, String netmask, String gateway,
                                                      boolean accepted, boolean onLink) {
        Ipv4Interface host = Ipv4Interface.parse(address, netmask);
        Ipv4Address router = Ipv4Address.parse(gateway);

        assertEquals(accepted, host.acceptsGateway(router), "accepted");
        assertEquals(accepted, Ipv4Interface.gatewayInSubnet(address, netmask, gateway), "accepted as text");
        assertEquals(onLink, host.needsOnLinkGateway(router), "on link");
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.11,255.0.255.0,10.0.0.1", "10.0.0,255.255.255.0,10.0.0.1", "10.0.0.11,255.255.255.0,gw",
            "10.0.0.11,255.255.255.255,''"})
    void refusesAGatewayWhenAnyTextIsInvalid(String address, String netmask, String gateway) {
        assertEquals(false, Ipv4Interface.gatewayInSubnet(address, netmask, gateway));
    }

    @Test
    void writesAddressAndPrefixAndFindsItsNetwork() {
        Ipv4Interface host = Ipv4Interface.parse("172.31.10.5", "255.255.240.0");

        assertEquals("172.31.10.5/20", host.toString());
        assertEquals("172.31.0.0/20", host.network().toString());
        assertEquals(20, host.prefixLength());
    }

    @Test
    void namesTheBadTextWhenParsing() {
        Ipv4FormatException refused = assertThrows(Ipv4FormatException.class,
                () -> Ipv4Interface.parse("10.0.0.11", "255.255.0.255"));

        assertTrue(refused.getMessage().startsWith("\"255.255.0.255\" is not a network mask"), refused.getMessage());
        assertTrue(Ipv4Interface.tryParse("10.0.0.11", "255.255.0.255").isEmpty());
    }
}
