package dev.confab.management.cloud.guide;

import java.util.List;
import java.util.stream.Stream;

import static dev.confab.management.cloud.guide.IpProtocol.ESP;
import static dev.confab.management.cloud.guide.IpProtocol.ICMP;
import static dev.confab.management.cloud.guide.IpProtocol.TCP;
import static dev.confab.management.cloud.guide.IpProtocol.UDP;
import static dev.confab.management.cloud.guide.RuleSource.ANYWHERE;
import static dev.confab.management.cloud.guide.RuleSource.GROUP;
import static dev.confab.management.cloud.guide.RuleSource.MANAGEMENT_SUBNET;

/**
 * The inbound rules of the one security group the deployment guide puts the Management Node and every
 * Conferencing Node in ("Configuring AWS security groups"), as data, with the two rules Confab itself
 * adds. The outbound rule is the guide's too: all traffic to anywhere. What {@code confab aws-template}
 * writes and what {@code confab aws-check} compares with. Immutable.
 */
public final class SecurityGroupRules {

    /** The guide's table: administration only from the management subnet, IPsec only from the group. */
    private static final List<InboundRule> GUIDE = List.of(
            InboundRule.guide("SSH to the nodes (administration)", TCP, 22, 22, MANAGEMENT_SUBNET),
            InboundRule.guide("HTTPS: the administrator interface and API, and clients of Conferencing Nodes",
                    TCP, 443, 443, ANYWHERE),
            InboundRule.guide("H.323 call signalling", TCP, 1720, 1720, ANYWHERE),
            InboundRule.guide("SIP over TCP", TCP, 5060, 5060, ANYWHERE),
            InboundRule.guide("SIP over TLS", TCP, 5061, 5061, ANYWHERE),
            InboundRule.guide("the provisioning page of an unconfigured Conferencing Node", TCP, 8443, 8443,
                    MANAGEMENT_SUBNET),
            InboundRule.guide("call signalling", TCP, 33000, 39999, ANYWHERE),
            InboundRule.guide("call media over TCP", TCP, 40000, 49999, ANYWHERE),
            InboundRule.guide("call media", UDP, 40000, 49999, ANYWHERE),
            InboundRule.guide("H.323 registration (RAS)", UDP, 1719, 1719, ANYWHERE),
            new InboundRule("SIP over UDP (only where SIP over UDP is turned on)", UDP, 5060, 5060, ANYWHERE,
                    false, true),
            InboundRule.guide("IKE: IPsec between the nodes", UDP, 500, 500, GROUP),
            InboundRule.guide("ESP: IPsec between the nodes", ESP, 0, 0, GROUP),
            InboundRule.guide("ICMP from the management network (diagnostics)", ICMP, -1, -1, MANAGEMENT_SUBNET));

    /** What Confab needs beyond the table, only between the platform's own nodes. */
    private static final List<InboundRule> CONFAB = List.of(
            new InboundRule("the node channel (enrolment, heartbeats, configuration) and reservations between"
                    + " nodes", TCP, 9443, 9443, GROUP, true, false),
            new InboundRule("IKE and ESP in UDP after NAT detection, and userspace ESP", UDP, 4500, 4500, GROUP,
                    true, false));

    private SecurityGroupRules() {
    }

    /** The guide's table, the optional SIP-over-UDP rule included. */
    public static List<InboundRule> guide() {
        return GUIDE;
    }

    /** Every rule: the guide's, then Confab's own. */
    public static List<InboundRule> all() {
        return Stream.concat(GUIDE.stream(), CONFAB.stream()).toList();
    }

    /** The rules a generated security group holds: every rule, SIP over UDP only when asked for. */
    public static List<InboundRule> forTemplate(boolean sipOverUdp) {
        return all().stream().filter(rule -> !rule.optional() || sipOverUdp).toList();
    }

    /**
     * The most open source the rules allow for one port of {@code protocol} (for ICMP and ESP: any
     * packet), or {@code null} when no rule lets it in: the rule an actual permission is measured by.
     */
    public static RuleSource widestAllowed(IpProtocol protocol, int port) {
        RuleSource widest = null;
        for (InboundRule rule : all()) {
            if (rule.covers(protocol, port) && (widest == null || rule.source().compareTo(widest) < 0)) {
                widest = rule.source();
            }
        }
        return widest;
    }
}
