package dev.confab.shared.system;

import dev.confab.shared.net.Ipv4Address;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The host files both appliances write, the Management Node from its installer and a Conferencing
 * Node from its configuration file: host name, hosts, systemd-networkd unit and timesyncd drop-in.
 * Each is a pure function from typed values to the file's text; where a file goes is the caller's
 * choice, except the paths every appliance shares. Stateless and thread-safe.
 *
 * <p>Every file but hostname and hosts starts with a comment saying who wrote it ({@code writer},
 * such as "the Confab installer"), so an administrator knows not to edit it by hand.
 */
public final class HostFiles {

    /** The host name, relative to the system root. */
    public static final String HOSTNAME_PATH = "etc/hostname";
    /** The static host table. */
    public static final String HOSTS_PATH = "etc/hosts";
    /** The timesyncd drop-in that sets the NTP servers. */
    public static final String TIMESYNCD_PATH = "etc/systemd/timesyncd.conf.d/confab.conf";

    /**
     * Matches the first Ethernet interface under either naming scheme: predictable names ({@code ens5}
     * on EC2's ENA, {@code enp0s3}) and the kernel's ({@code eth0} on Xen instances and containers).
     */
    static final String INTERFACES = "en* eth*";

    // a line break in an operator's text would start a new key in the unit
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private HostFiles() {
    }

    /** {@code /etc/hostname}: the short name, one line. */
    public static String hostname(String hostname) {
        return hostname + "\n";
    }

    /** {@code /etc/hosts}: localhost for both families, and the host's address with its FQDN and short name. */
    public static String hosts(Ipv4Address address, String fqdn, String hostname) {
        return "127.0.0.1\tlocalhost\n" + address + "\t" + fqdn + "\t" + hostname
                + "\n::1\tlocalhost ip6-localhost ip6-loopback\n";
    }

    /** The timesyncd drop-in naming {@code ntpServers}, tried in order. */
    public static String timesyncd(String writer, List<String> ntpServers) {
        return comment("written by " + writer) + "[Time]\nNTP=" + String.join(" ", ntpServers) + "\n";
    }

    /**
     * The systemd-networkd unit of {@code unit}. The IPv4 gateway goes into {@code [Network]} when it
     * lies in the subnet; outside it (only a /32 accepts that) it gets its own {@code [Route]} with
     * {@code GatewayOnLink=yes}, without which the kernel refuses a route through an address it has
     * no route to.
     */
    public static String networkUnit(String writer, NetworkUnit unit) {
        StringBuilder text = new StringBuilder(comment("written by " + writer))
                .append("[Match]\nName=").append(INTERFACES).append("\n\n");
        unit.mtu().ifPresent(bytes -> text.append("[Link]\nMTUBytes=").append(bytes).append("\n\n"));
        boolean onLink = unit.address().needsOnLinkGateway(unit.gateway());
        text.append("[Network]\nAddress=").append(unit.address()).append('\n');
        if (!onLink) {
            text.append("Gateway=").append(unit.gateway()).append('\n');
        }
        line(text, "Address", unit.ipv6Address());
        line(text, "Gateway", unit.ipv6Gateway());
        line(text, "Domains", unit.domain());
        unit.dnsServers().forEach(server -> line(text, "DNS", server));
        if (onLink) {
            text.append("\n[Route]\nGateway=").append(unit.gateway()).append("\nGatewayOnLink=yes\n");
        }
        for (NetworkUnit.Route route : unit.routes()) {
            text.append("\n[Route]\n").append(comment(route.name())).append("Destination=")
                    .append(route.destination()).append('/').append(route.prefixLength())
                    .append("\nGateway=").append(route.gateway()).append('\n');
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String key, String value) {
        if (!value.isEmpty()) {
            text.append(key).append('=').append(value).append('\n');
        }
    }

    private static String comment(String text) {
        return "# " + CONTROL.matcher(text).replaceAll(" ") + "\n";
    }
}
