package dev.confab.shared.system;

import dev.confab.shared.net.Ipv4Address;
import dev.confab.shared.net.Ipv4Interface;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostFilesTest {

    private static NetworkUnit unit(String address, String netmask, String gateway) {
        return NetworkUnit.of(Ipv4Interface.parse(address, netmask), Ipv4Address.parse(gateway));
    }

    @Test
    void putsASubnetGatewayIntoTheNetworkSection() {
        String text = HostFiles.networkUnit("a test", unit("10.0.0.10", "255.255.255.0", "10.0.0.1"));

        assertEquals("# written by a test\n[Match]\nName=en* eth*\n\n[Network]\nAddress=10.0.0.10/24\n"
                + "Gateway=10.0.0.1\n", text);
        assertFalse(text.contains("GatewayOnLink"), text);
        assertFalse(text.contains("[Route]"), text);
    }

    @Test
    void reachesTheGatewayOfASlash32OnTheLink() {
        String text = HostFiles.networkUnit("a test", unit("10.0.0.10", "255.255.255.255", "172.31.0.1"));

        assertEquals("# written by a test\n[Match]\nName=en* eth*\n\n[Network]\nAddress=10.0.0.10/32\n\n"
                + "[Route]\nGateway=172.31.0.1\nGatewayOnLink=yes\n", text);
    }

    @Test
    void rendersEveryOptionalPartInSystemdsSectionOrder() {
        NetworkUnit unit = unit("10.0.1.7", "255.255.255.255", "10.0.0.1").withMtu(1460)
                .withIpv6("2001:db8::7", "2001:db8::1").withDns("example.com", List.of("10.0.0.2", "10.0.0.3"))
                .withRoutes(List.of(new NetworkUnit.Route("office", Ipv4Address.parse("192.168.0.0"), 16,
                        Ipv4Address.parse("10.0.0.254"))));

        assertEquals("# written by a test\n[Match]\nName=en* eth*\n\n[Link]\nMTUBytes=1460\n\n[Network]\n"
                + "Address=10.0.1.7/32\nAddress=2001:db8::7\nGateway=2001:db8::1\nDomains=example.com\n"
                + "DNS=10.0.0.2\nDNS=10.0.0.3\n\n[Route]\nGateway=10.0.0.1\nGatewayOnLink=yes\n\n"
                + "[Route]\n# office\nDestination=192.168.0.0/16\nGateway=10.0.0.254\n",
                HostFiles.networkUnit("a test", unit));
    }

    @Test
    void keepsARouteNameFromStartingANewLineOfTheUnit() {
        NetworkUnit unit = unit("10.0.0.10", "255.255.255.0", "10.0.0.1").withRoutes(List.of(new NetworkUnit.Route(
                "office\n[Network]\nDNS=203.0.113.66", Ipv4Address.parse("192.168.0.0"), 16,
                Ipv4Address.parse("10.0.0.254"))));

        String text = HostFiles.networkUnit("a test", unit);

        assertTrue(text.contains("\n# office [Network] DNS=203.0.113.66\nDestination=192.168.0.0/16\n"), text);
        assertFalse(text.contains("\nDNS="), text);
    }

    @Test
    void rendersHostNameHostsAndTime() {
        assertEquals("mgmt\n", HostFiles.hostname("mgmt"));
        assertEquals("127.0.0.1\tlocalhost\n10.0.0.10\tmgmt.example.com\tmgmt\n::1\tlocalhost ip6-localhost"
                + " ip6-loopback\n", HostFiles.hosts(Ipv4Address.parse("10.0.0.10"), "mgmt.example.com", "mgmt"));
        assertEquals("# written by a test\n[Time]\nNTP=169.254.169.123 pool.example.com\n",
                HostFiles.timesyncd("a test", List.of("169.254.169.123", "pool.example.com")));
    }
}
