package dev.confab.installer.apply;

import dev.confab.installer.answers.Answers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstallerSystemFilesTest {

    private static Answers answers(String mask, String gateway) {
        return new Answers("mgmt", "example.com", "10.0.0.10", mask, gateway, List.of("10.0.0.2", "10.0.0.3"),
                List.of("169.254.169.123", "pool.example.com"), "admin", "hash", null, false, false, null);
    }

    @Test
    void rendersNameAddressDnsAndTime() {
        Map<String, String> files = InstallerSystemFiles.render(answers("255.255.255.0", "10.0.0.1"));

        assertEquals("mgmt\n", files.get("etc/hostname"));
        assertTrue(files.get("etc/hosts").contains("10.0.0.10\tmgmt.example.com\tmgmt"));
        assertTrue(files.get("etc/systemd/network/10-confab.network").contains("Address=10.0.0.10/24\n"));
        assertTrue(files.get("etc/systemd/network/10-confab.network").contains("Gateway=10.0.0.1\n"));
        assertTrue(files.get("etc/resolv.conf").endsWith("search example.com\nnameserver 10.0.0.2\nnameserver 10.0.0.3\n"));
        assertTrue(files.get("etc/systemd/timesyncd.conf.d/confab.conf").contains("NTP=169.254.169.123 pool.example.com\n"));
    }

    @Test
    void reachesASlash32GatewayOnTheLink() {
        String network = InstallerSystemFiles.render(answers("255.255.255.255", "172.31.0.1"))
                .get("etc/systemd/network/10-confab.network");

        assertTrue(network.contains("Address=10.0.0.10/32\n"));
        assertTrue(network.contains("Gateway=172.31.0.1\nGatewayOnLink=yes\n"));
    }

    @Test
    void reachesASlash24GatewayThroughThePlainNetworkSection() {
        String network = InstallerSystemFiles.render(answers("255.255.255.0", "10.0.0.1"))
                .get("etc/systemd/network/10-confab.network");

        assertTrue(network.contains("[Match]\nName=en* eth*\n"), network);
        assertTrue(network.contains("[Network]\nAddress=10.0.0.10/24\nGateway=10.0.0.1\n"), network);
        assertFalse(network.contains("GatewayOnLink"), network);
        assertFalse(network.contains("[Route]"), network);
    }

    @Test
    void declaresTheSlash32GatewayOnLinkInItsOwnRouteSection() {
        String network = InstallerSystemFiles.render(answers("255.255.255.255", "172.31.0.1"))
                .get("etc/systemd/network/10-confab.network");

        assertTrue(network.endsWith("\n[Route]\nGateway=172.31.0.1\nGatewayOnLink=yes\n"), network);
        assertFalse(network.substring(0, network.indexOf("[Route]")).contains("Gateway="), network);
    }
}
