package dev.confab.management.cloud.guide;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.confab.management.cloud.guide.IpProtocol.ESP;
import static dev.confab.management.cloud.guide.IpProtocol.ICMP;
import static dev.confab.management.cloud.guide.IpProtocol.TCP;
import static dev.confab.management.cloud.guide.IpProtocol.UDP;
import static dev.confab.management.cloud.guide.RuleSource.ANYWHERE;
import static dev.confab.management.cloud.guide.RuleSource.GROUP;
import static dev.confab.management.cloud.guide.RuleSource.MANAGEMENT_SUBNET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecurityGroupRulesTest {

    @Test
    void holdsTheGuidesTableOfInboundRules() {
        assertEquals(Set.of("TCP 22 from the management subnet", "TCP 443 from anywhere (0.0.0.0/0)",
                "TCP 1720 from anywhere (0.0.0.0/0)", "TCP 5060 from anywhere (0.0.0.0/0)",
                "TCP 5061 from anywhere (0.0.0.0/0)", "TCP 8443 from the management subnet",
                "TCP 33000-39999 from anywhere (0.0.0.0/0)", "TCP 40000-49999 from anywhere (0.0.0.0/0)",
                "UDP 40000-49999 from anywhere (0.0.0.0/0)", "UDP 1719 from anywhere (0.0.0.0/0)",
                "UDP 5060 from anywhere (0.0.0.0/0)", "UDP 500 from the security group itself",
                "ESP (IP protocol 50) from the security group itself", "ICMP from the management subnet"),
                SecurityGroupRules.guide().stream().map(InboundRule::describe).collect(Collectors.toSet()));
    }

    @Test
    void addsOnlyConfabsNodeChannelAndNatTraversalAndOnlyFromTheGroupItself() {
        List<InboundRule> own = SecurityGroupRules.all().stream().filter(InboundRule::confabOwn).toList();

        assertEquals(Set.of("TCP 9443 from the security group itself", "UDP 4500 from the security group itself"),
                own.stream().map(InboundRule::describe).collect(Collectors.toSet()));
    }

    @Test
    void leavesSipOverUdpOutOfATemplateUnlessAskedFor() {
        assertFalse(SecurityGroupRules.forTemplate(false).stream().anyMatch(rule -> rule.covers(UDP, 5060)));
        assertTrue(SecurityGroupRules.forTemplate(true).stream().anyMatch(rule -> rule.covers(UDP, 5060)));
    }

    @Test
    void measuresAPortByTheWidestSourceTheRulesAllowIt() {
        assertEquals(ANYWHERE, SecurityGroupRules.widestAllowed(TCP, 443));
        assertEquals(MANAGEMENT_SUBNET, SecurityGroupRules.widestAllowed(TCP, 22));
        assertEquals(MANAGEMENT_SUBNET, SecurityGroupRules.widestAllowed(TCP, 8443));
        assertEquals(MANAGEMENT_SUBNET, SecurityGroupRules.widestAllowed(ICMP, -1));
        assertEquals(GROUP, SecurityGroupRules.widestAllowed(UDP, 500));
        assertEquals(GROUP, SecurityGroupRules.widestAllowed(ESP, 0));
        assertEquals(ANYWHERE, SecurityGroupRules.widestAllowed(TCP, 35000));
        assertNull(SecurityGroupRules.widestAllowed(TCP, 3306), "no rule lets MySQL in");
        assertNull(SecurityGroupRules.widestAllowed(UDP, 33000), "signalling is TCP only");
    }

    @Test
    void readsEc2sNamesAndNumbersOfProtocols() {
        assertEquals(ESP, IpProtocol.ofEc2("50").orElseThrow());
        assertEquals(TCP, IpProtocol.ofEc2("6").orElseThrow());
        assertEquals(UDP, IpProtocol.ofEc2("UDP").orElseThrow());
        assertTrue(IpProtocol.ofEc2("-1").isEmpty(), "every protocol is no one protocol");
        assertTrue(IpProtocol.ofEc2("47").isEmpty());
    }
}
