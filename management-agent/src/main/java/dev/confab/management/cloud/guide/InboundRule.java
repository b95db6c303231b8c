package dev.confab.management.cloud.guide;

/**
 * One inbound rule of the platform's security group: a protocol, its ports (both 0 for a protocol
 * without ports; -1 and -1 for every ICMP type), and the source it may come from. Immutable.
 *
 * @param purpose   what the rule lets in, as an operator reads it beside the rule
 * @param confabOwn a rule Confab itself needs beyond the guide's table (its node channel, IPsec after NAT)
 * @param optional  a rule the guide needs only for a feature the operator may leave off (SIP over UDP)
 */
public record InboundRule(String purpose, IpProtocol protocol, int fromPort, int toPort, RuleSource source,
                          boolean confabOwn, boolean optional) {

    public InboundRule {
        if (protocol.hasPorts() && (fromPort < 0 || toPort > 65535 || fromPort > toPort)) {
            throw new IllegalArgumentException("ports " + fromPort + "-" + toPort + " of " + purpose);
        }
    }

    static InboundRule guide(String purpose, IpProtocol protocol, int from, int to, RuleSource source) {
        return new InboundRule(purpose, protocol, from, to, source, false, false);
    }

    /** Whether the rule lets in {@code port} of {@code protocol} (for ICMP and ESP: any packet of it). */
    public boolean covers(IpProtocol candidate, int port) {
        return candidate == protocol && (!protocol.hasPorts() || (port >= fromPort && port <= toPort));
    }

    /** The ports as the guide writes them: {@code 443}, {@code 33000-39999}, or {@code all}. */
    public String ports() {
        if (!protocol.hasPorts()) {
            return "all";
        }
        return fromPort == toPort ? Integer.toString(fromPort) : fromPort + "-" + toPort;
    }

    /** {@code TCP 443 from anywhere (0.0.0.0/0)}: the rule in one line. */
    public String describe() {
        return protocol + (protocol.hasPorts() ? " " + ports() : "") + " from " + source;
    }
}
