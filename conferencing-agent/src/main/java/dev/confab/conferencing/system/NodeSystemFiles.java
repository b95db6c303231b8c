package dev.confab.conferencing.system;

import dev.confab.shared.net.Ipv4Address;
import dev.confab.shared.net.Ipv4Interface;
import dev.confab.shared.nodeconfig.NodeConfig;
import dev.confab.shared.system.HostFiles;
import dev.confab.shared.system.NetworkUnit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a node configuration into the OS files it drives, as paths relative to the system root:
 * host name and hosts, the systemd-networkd unit of the node's interface, resolved and timesyncd
 * drop-ins, the admin user's password hash (applied with {@code chpasswd -e} by the appliance) and
 * whether sshd starts. The files a Management Node writes too come from {@link HostFiles}. A pure
 * function: same configuration, same bytes.
 */
public final class NodeSystemFiles {

    /** The symlink whose presence makes systemd start sshd at boot. */
    public static final String SSH_WANTS = "etc/systemd/system/multi-user.target.wants/ssh.service";
    /** Where the symlink points. */
    public static final String SSH_UNIT = "/lib/systemd/system/ssh.service";
    /** The node's networkd unit; named after eth0, it matches {@code ens5} too. */
    static final String NETWORK_UNIT_PATH = "etc/systemd/network/10-eth0.network";

    private static final String FROM_SETTINGS = "Confab from the node's settings";
    private static final String FROM_LOCATION = "Confab from the node's system location";

    private NodeSystemFiles() {
    }

    /**
     * Regular files by relative path, for a configuration the reader accepted; the sshd link is
     * {@link #sshEnabled}'s business.
     */
    public static Map<String, String> render(NodeConfig config) {
        NodeConfig.Node node = config.node();
        Map<String, String> files = new LinkedHashMap<>();
        files.put(HostFiles.HOSTNAME_PATH, HostFiles.hostname(node.hostname()));
        files.put(HostFiles.HOSTS_PATH, HostFiles.hosts(Ipv4Address.parse(node.ipv4Address()), node.fqdn(),
                node.hostname()));
        files.put(NETWORK_UNIT_PATH, HostFiles.networkUnit(FROM_SETTINGS, network(config)));
        files.put("etc/systemd/resolved.conf.d/confab.conf", "# written by " + FROM_LOCATION + "\n"
                + "[Resolve]\nDNS=" + String.join(" ", config.location().dnsServers()) + "\nDomains="
                + node.domain() + "\n");
        files.put(HostFiles.TIMESYNCD_PATH, HostFiles.timesyncd(FROM_LOCATION, config.location().ntpServers()));
        files.put("etc/confab/admin-password.hash", "admin:" + config.adminPasswordHash() + "\n");
        files.put("etc/ssh/sshd_config.d/confab.conf", "# written by Confab: SSH is "
                + (node.sshEnabled() ? "enabled" : "disabled") + " for this node\nPasswordAuthentication yes\n"
                + "PermitRootLogin no\nAllowUsers admin\n");
        return files;
    }

    public static boolean sshEnabled(NodeConfig config) {
        return config.node().sshEnabled();
    }

    private static NetworkUnit network(NodeConfig config) {
        NodeConfig.Node node = config.node();
        List<NetworkUnit.Route> routes = node.staticRoutes().stream().map(route -> new NetworkUnit.Route(
                route.name(), Ipv4Address.parse(route.address()), route.prefix(), Ipv4Address.parse(route.gateway())))
                .toList();
        return NetworkUnit.of(Ipv4Interface.parse(node.ipv4Address(), node.ipv4Netmask()),
                        Ipv4Address.parse(node.ipv4Gateway()))
                .withMtu(config.location().mtu())
                .withIpv6(node.ipv6Address(), node.ipv6Gateway())
                .withRoutes(routes);
    }
}
