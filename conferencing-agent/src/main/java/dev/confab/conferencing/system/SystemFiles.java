package dev.confab.conferencing.system;

import dev.confab.shared.nodeconfig.NodeConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a node configuration into the OS files it drives, as paths relative to the system root:
 * host name and hosts, the systemd-networkd unit of eth0, resolved and timesyncd drop-ins, the
 * admin user's password hash (applied with {@code chpasswd -e} by the appliance) and whether sshd
 * starts. A pure function: same configuration, same bytes.
 */
public final class SystemFiles {

    /** The symlink whose presence makes systemd start sshd at boot. */
    public static final String SSH_WANTS = "etc/systemd/system/multi-user.target.wants/ssh.service";
    /** Where the symlink points. */
    public static final String SSH_UNIT = "/lib/systemd/system/ssh.service";

    private SystemFiles() {
    }

    /** Regular files by relative path; the sshd link is {@link #sshEnabled}'s business. */
    public static Map<String, String> render(NodeConfig config) {
        NodeConfig.Node node = config.node();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("etc/hostname", node.hostname() + "\n");
        files.put("etc/hosts", "127.0.0.1\tlocalhost\n" + node.ipv4Address() + "\t" + node.fqdn() + "\t"
                + node.hostname() + "\n::1\tlocalhost ip6-localhost ip6-loopback\n");
        files.put("etc/systemd/network/10-eth0.network", network(config));
        files.put("etc/systemd/resolved.conf.d/confab.conf", "# written by Confab from the node's system location\n"
                + "[Resolve]\nDNS=" + String.join(" ", config.location().dnsServers()) + "\nDomains="
                + node.domain() + "\n");
        files.put("etc/systemd/timesyncd.conf.d/confab.conf", "# written by Confab from the node's system location\n"
                + "[Time]\nNTP=" + String.join(" ", config.location().ntpServers()) + "\n");
        files.put("etc/confab/admin-password.hash", "admin:" + config.adminPasswordHash() + "\n");
        files.put("etc/ssh/sshd_config.d/confab.conf", "# written by Confab: SSH is "
                + (node.sshEnabled() ? "enabled" : "disabled") + " for this node\nPasswordAuthentication yes\n"
                + "PermitRootLogin no\nAllowUsers admin\n");
        return files;
    }

    public static boolean sshEnabled(NodeConfig config) {
        return config.node().sshEnabled();
    }

    private static String network(NodeConfig config) {
        NodeConfig.Node node = config.node();
        StringBuilder unit = new StringBuilder("# written by Confab from the node's settings\n[Match]\nName=eth0\n\n")
                .append("[Link]\nMTUBytes=").append(config.location().mtu()).append("\n\n[Network]\n")
                .append("Address=").append(node.ipv4Address()).append('/').append(prefix(node.ipv4Netmask()))
                .append("\nGateway=").append(node.ipv4Gateway()).append('\n');
        if (!node.ipv6Address().isEmpty()) {
            unit.append("Address=").append(node.ipv6Address()).append('\n');
        }
        if (!node.ipv6Gateway().isEmpty()) {
            unit.append("Gateway=").append(node.ipv6Gateway()).append('\n');
        }
        for (NodeConfig.Route route : node.staticRoutes()) {
            unit.append("\n[Route]\n# ").append(route.name()).append("\nDestination=").append(route.address())
                    .append('/').append(route.prefix()).append("\nGateway=").append(route.gateway()).append('\n');
        }
        return unit.toString();
    }

    private static int prefix(String netmask) {
        long mask = 0;
        for (String octet : netmask.split("\\.")) {
            mask = (mask << 8) | Integer.parseInt(octet);
        }
        return Long.bitCount(mask);
    }
}
