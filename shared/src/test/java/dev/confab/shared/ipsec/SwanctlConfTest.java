package dev.confab.shared.ipsec;

import dev.confab.shared.wire.MeshPeer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SwanctlConfTest {

    private static final IpsecIdentity SELF = IpsecIdentity.of("Management Node", "10.0.0.1");
    private static final MeshPeer CN1 = new MeshPeer("cn1", "10.0.1.11", NodeTypes.CONFERENCING, "London");
    private static final MeshPeer CN2 = new MeshPeer("cn2", "10.0.1.12", NodeTypes.CONFERENCING, "London");

    @Test
    void rendersOneIkev2ConnectionPerPeerBetweenTheTwoAddresses() {
        String conf = SwanctlConf.render(SELF, List.of(CN1, CN2), StartAction.TRAP);

        assertEquals(2, count(conf, "version = 2"));
        assertTrue(conf.contains("    confab-10-0-1-11 {\n"), conf);
        assertTrue(conf.contains("local_addrs = 10.0.0.1\n        remote_addrs = 10.0.1.11\n"), conf);
        assertTrue(conf.contains("remote_addrs = 10.0.1.12\n"), conf);
    }

    @Test
    void authenticatesBothSidesWithCertificatesFromThePlatformCa() {
        String conf = SwanctlConf.render(SELF, List.of(CN1), StartAction.TRAP);

        assertTrue(conf.contains("""
                        local {
                            auth = pubkey
                            certs = node.crt
                            id = 10.0.0.1
                        }
                        remote {
                            auth = pubkey
                            id = 10.0.1.11
                            cacerts = ca.crt
                        }
                """), conf);
        assertFalse(conf.contains("psk"), conf);
    }

    @Test
    void protectsExactlyTheTwoAddressesInTunnelMode() {
        String conf = SwanctlConf.render(SELF, List.of(CN1), StartAction.TRAP);

        assertTrue(conf.contains("""
                                local_ts = 10.0.0.1/32
                                remote_ts = 10.0.1.11/32
                                mode = tunnel
                """), conf);
    }

    @Test
    void usesHostSelectorsOf128BitsForIpv6() {
        String conf = SwanctlConf.render(IpsecIdentity.of("mgmt", "2001:db8::1"),
                List.of(new MeshPeer("cn6", "2001:db8::11", NodeTypes.CONFERENCING, "London")), StartAction.TRAP);

        assertTrue(conf.contains("local_ts = 2001:db8::1/128\n"), conf);
        assertTrue(conf.contains("remote_ts = 2001:db8::11/128\n"), conf);
        assertTrue(conf.contains("confab-2001-db8--11 {"), conf);
    }

    @Test
    void proposesOnlyAes256GcmWithModp4096ForIkeAndEsp() {
        String conf = SwanctlConf.render(SELF, List.of(CN1, CN2), StartAction.TRAP);

        assertEquals(List.of("aes256gcm16-prfsha384-modp4096"), values(conf, "proposals"));
        assertEquals(List.of("aes256gcm16-modp4096"), values(conf, "esp_proposals"));
        for (String weak : List.of("aes128", "3des", "cbc", "sha1", "md5", "modp1024", "modp2048", "modp1536",
                "ecp256", "default", "!")) {
            assertFalse(conf.contains(weak), weak + " appears in\n" + conf);
        }
    }

    @Test
    void bringsTunnelsUpOnDemandOrAtOnce() {
        String trap = SwanctlConf.render(SELF, List.of(CN1), StartAction.TRAP);
        String start = SwanctlConf.render(SELF, List.of(CN1), StartAction.START);

        assertEquals(List.of("trap"), values(trap, "start_action"));
        assertEquals(List.of("trap"), values(trap, "dpd_action"));
        assertFalse(trap.contains("keyingtries"), trap);
        assertEquals(List.of("start"), values(start, "start_action"));
        assertEquals(List.of("restart"), values(start, "dpd_action"));
        assertEquals(List.of("0"), values(start, "keyingtries"));
    }

    @Test
    void leavesOutItselfAndRepeatedAddresses() {
        MeshPeer self = new MeshPeer("Management Node", "10.0.0.1", NodeTypes.MANAGEMENT, "");

        String conf = SwanctlConf.render(SELF, List.of(self, CN1, CN1), StartAction.TRAP);

        assertEquals(1, count(conf, "version = 2"));
        assertFalse(conf.contains("remote_addrs = 10.0.0.1"), conf);
    }

    @Test
    void rendersAnEmptyConnectionsSectionWithoutPeers() {
        String conf = SwanctlConf.render(SELF, List.of(), StartAction.TRAP);

        assertTrue(conf.endsWith("connections {\n}\n"), conf);
    }

    @Test
    void refusesAnAddressThatIsNotAnIpLiteral() {
        MeshPeer hostile = new MeshPeer("x", "10.0.1.13\n    }\n}\nsecrets {", NodeTypes.CONFERENCING, "London");

        IpsecException refused = assertThrows(IpsecException.class,
                () -> SwanctlConf.render(SELF, List.of(hostile), StartAction.TRAP));
        assertTrue(refused.getMessage().contains("is not an IPv4 or IPv6 address"), refused.getMessage());
        assertThrows(IpsecException.class, () -> SwanctlConf.render(SELF, List.of(
                new MeshPeer("x", "10.0.1.256", NodeTypes.CONFERENCING, "")), StartAction.TRAP));
    }

    @Test
    void keepsNamesInCommentsOnOneLine() {
        MeshPeer oddName = new MeshPeer("cn3\n}\nconnections {", "10.0.1.13", NodeTypes.CONFERENCING, "Paris\n#");

        String conf = SwanctlConf.render(SELF, List.of(oddName), StartAction.TRAP);

        assertTrue(conf.contains("        # cn3???connections ? (CONFERENCING, Paris??)\n"), conf);
        assertEquals(1, count(conf, "connections {"));
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }

    /** The distinct values of {@code key} anywhere in the file. */
    private static List<String> values(String conf, String key) {
        Matcher matcher = Pattern.compile("(?m)^\\s*" + key + " = (.*)$").matcher(conf);
        return matcher.results().map(result -> result.group(1)).distinct().toList();
    }
}
