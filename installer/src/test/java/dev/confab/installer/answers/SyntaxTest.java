package dev.confab.installer.answers;

import dev.confab.shared.net.Ipv4Netmask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.10", "0.0.0.0", "255.255.255.255", "192.168.1.1"})
    void acceptsDottedQuadAddresses(String value) {
        assertTrue(Syntax.ipv4(value).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0", "10.0.0.256", "10.0.0.01", "a.b.c.d", "10.0.0.1.", " 10.0.0.1", "", "::1"})
    void rejectsAnythingElseAsAnAddress(String value) {
        assertTrue(Syntax.ipv4(value).orElseThrow().contains("not an IPv4 address"));
    }

    @ParameterizedTest
    @CsvSource({"255.255.255.0,24", "255.255.255.255,32", "0.0.0.0,0", "255.255.240.0,20", "255.0.255.0,-1",
            "255.255.255.1,-1"})
    void readsThePrefixOfContiguousMasksOnly(String mask, int prefix) {
        assertEquals(prefix, Ipv4Netmask.tryParse(mask).map(Ipv4Netmask::prefixLength).orElse(-1));
        assertEquals(prefix < 0, Syntax.netmask(mask).isPresent());
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.10,255.255.255.0,10.0.0.1,true", "10.0.0.10,255.255.255.0,10.0.1.1,false",
            "10.0.0.10,255.255.255.255,172.31.0.1,true", "10.0.0.10,255.255.255.0,10.0.0.10,false",
            "10.0.0.10,255.255.0.0,10.0.200.1,true"})
    void requiresTheGatewayInsideTheSubnetExceptForSlash32(String ip, String mask, String gateway, boolean valid) {
        assertEquals(valid, Syntax.gateway(ip, mask, gateway).isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.0.0.17|The gateway 10.0.0.17 is not inside the subnet 10.0.0.10/28; enter a gateway on this node's subnet.",
        "10.0.0.10|The gateway cannot be this node's own address 10.0.0.10.",
        "10.0.0.300|\"10.0.0.300\" is not an IPv4 address; enter four numbers 0-255 separated by dots, such as"
            + " 10.0.0.10."})
    void saysWhyAGatewayIsRefused(String gateway, String message) {
        assertEquals(message, Syntax.gateway("10.0.0.10", "255.255.255.240", gateway).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"mgmt,true", "mgmt-01,true", "-mgmt,false", "mgmt-,false", "mg_mt,false", "mgmt.example,false",
            "a234567890123456789012345678901234567890123456789012345678901234,false"})
    void checksHostnamesAsRfc1123Labels(String value, boolean valid) {
        assertEquals(valid, Syntax.hostname(value).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"example.com,true", "corp.example.com,true", "localdomain,true", "example..com,false",
            ".example.com,false", "exa mple.com,false", "example.com.,false"})
    void checksDomainsAsDottedRfc1123Labels(String value, boolean valid) {
        assertEquals(valid, Syntax.domain(value).isEmpty());
    }
}
