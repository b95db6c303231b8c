package dev.confab.conferencing.system;

import dev.confab.shared.nodeconfig.NodeConfig;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeSystemFilesTest {

    static NodeConfig config(boolean ssh, List<NodeConfig.Route> routes, String ipv6) {
        return config("255.255.255.0", "10.0.1.1", ssh, routes, ipv6);
    }

    static NodeConfig config(String netmask, String gateway, boolean ssh, List<NodeConfig.Route> routes,
                             String ipv6) {
        NodeConfig.Node node = new NodeConfig.Node("lon-cn1", "", "CONFERENCING", "lon-cn1", "example.com",
                "10.0.1.7", netmask, gateway, ipv6, "", "", "", routes, true, ssh);
        return new NodeConfig(node, new NodeConfig.Location("London", 1460, List.of("10.0.0.53"),
                List.of("10.0.0.123", "10.0.0.124")), new NodeConfig.ManagementNode("10.0.0.2", 9443, "ab:cd"),
                "$6$salt$hash", new NodeConfig.Enrolment("token", Instant.parse("2026-11-25T10:00:00Z"),
                Instant.parse("2026-11-26T10:00:00Z")));
    }

    @Test
    void rendersTheNetworkUnitFromTheNodesAddressLocationAndRoutes() {
        Map<String, String> files = NodeSystemFiles.render(config(true,
                List.of(new NodeConfig.Route("office", "192.168.0.0", 16, "10.0.1.254")), "2001:db8::7"));
        String unit = files.get("etc/systemd/network/10-eth0.network");
        assertTrue(unit.contains("MTUBytes=1460\n"), unit);
        assertTrue(unit.contains("Address=10.0.1.7/24\nGateway=10.0.1.1\nAddress=2001:db8::7\n"), unit);
        assertTrue(unit.contains("[Route]\n# office\nDestination=192.168.0.0/16\nGateway=10.0.1.254\n"), unit);
        assertEquals("lon-cn1\n", files.get("etc/hostname"));
        assertTrue(files.get("etc/hosts").contains("10.0.1.7\tlon-cn1.example.com\tlon-cn1\n"));
    }

    @Test
    void rendersTimeNameServersAndThePasswordHashNeverAPassword() {
        Map<String, String> files = NodeSystemFiles.render(config(false, List.of(), ""));
        assertTrue(files.get("etc/systemd/timesyncd.conf.d/confab.conf").contains("NTP=10.0.0.123 10.0.0.124\n"));
        assertTrue(files.get("etc/systemd/resolved.conf.d/confab.conf").contains("DNS=10.0.0.53\nDomains=example.com\n"));
        assertEquals("admin:$6$salt$hash\n", files.get("etc/confab/admin-password.hash"));
        assertTrue(files.get("etc/ssh/sshd_config.d/confab.conf").contains("SSH is disabled"));
        assertFalse(NodeSystemFiles.sshEnabled(config(false, List.of(), "")));
    }

    @Test
    void theSameConfigurationRendersTheSameBytes() {
        assertEquals(NodeSystemFiles.render(config(true, List.of(), "")),
                NodeSystemFiles.render(config(true, List.of(), "")));
    }

    @Test
    void matchesEthernetUnderBothNamingSchemesAndKeepsASubnetGatewayPlain() {
        String unit = NodeSystemFiles.render(config(true, List.of(), "")).get("etc/systemd/network/10-eth0.network");

        assertTrue(unit.contains("[Match]\nName=en* eth*\n"), unit);
        assertTrue(unit.contains("[Network]\nAddress=10.0.1.7/24\nGateway=10.0.1.1\n"), unit);
        assertFalse(unit.contains("GatewayOnLink"), unit);
        assertFalse(unit.contains("[Route]"), unit);
    }

    @Test
    void declaresTheGatewayOfASlash32OnLinkSoTheKernelInstallsTheDefaultRoute() {
        String unit = NodeSystemFiles.render(config("255.255.255.255", "172.31.0.1", true,
                List.of(new NodeConfig.Route("office", "192.168.0.0", 16, "172.31.0.1")), ""))
                .get("etc/systemd/network/10-eth0.network");

        assertTrue(unit.contains("[Network]\nAddress=10.0.1.7/32\n\n"
                + "[Route]\nGateway=172.31.0.1\nGatewayOnLink=yes\n"), unit);
        assertTrue(unit.endsWith("[Route]\n# office\nDestination=192.168.0.0/16\nGateway=172.31.0.1\n"), unit);
    }
}
