package dev.confab.management.cloud.guide;

import java.util.Locale;
import java.util.Optional;

/**
 * The IP protocols of the deployment guide's security-group rules, with the name EC2 gives each in
 * a rule ({@code IpProtocol}: {@code tcp}, {@code udp}, {@code icmp}, or the protocol number).
 */
public enum IpProtocol {
    TCP("tcp", 6),
    UDP("udp", 17),
    ICMP("icmp", 1),
    /** IPsec's Encapsulating Security Payload, IP protocol 50: no ports. */
    ESP("50", 50);

    private final String ec2Name;
    private final int number;

    IpProtocol(String ec2Name, int number) {
        this.ec2Name = ec2Name;
        this.number = number;
    }

    /** The protocol as EC2, CloudFormation and Terraform write it in a rule. */
    public String ec2Name() {
        return ec2Name;
    }

    public int number() {
        return number;
    }

    /** Whether rules of this protocol name a port range (TCP and UDP; ICMP names types, ESP nothing). */
    public boolean hasPorts() {
        return this == TCP || this == UDP;
    }

    /**
     * The protocol EC2 names {@code text} (a name or a number, in any case); empty for another protocol
     * and for {@code -1} (every protocol), which a caller handles as such.
     */
    public static Optional<IpProtocol> ofEc2(String text) {
        String name = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (IpProtocol protocol : values()) {
            if (name.equals(protocol.ec2Name) || name.equals(Integer.toString(protocol.number))
                    || name.equals(protocol.name().toLowerCase(Locale.ROOT))) {
                return Optional.of(protocol);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return this == ESP ? "ESP (IP protocol 50)" : name();
    }
}
