package dev.confab.shared.nodeconfig;

import dev.confab.shared.net.Ipv4Address;
import dev.confab.shared.net.Ipv4Netmask;
import dev.confab.shared.net.Ipv4Network;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The checks of a node configuration that the XSD cannot express. Stateless. */
final class NodeConfigChecks {

    private NodeConfigChecks() {
    }

    static void check(NodeConfig config, Clock clock) {
        NodeConfig.Node node = config.node();
        Optional<Ipv4Netmask> netmask = Ipv4Netmask.tryParse(node.ipv4Netmask());
        if (netmask.isEmpty()) {
            throw new NodeConfigException("The netmask " + node.ipv4Netmask() + " is not a contiguous IPv4 mask;"
                    + " correct the node on the Management Node and download its file again.");
        }
        int prefix = netmask.get().prefixLength();
        // the XSD has checked both addresses' syntax
        Ipv4Network subnet = Ipv4Network.of(Ipv4Address.parse(node.ipv4Address()), prefix);
        if (!subnet.acceptsGateway(Ipv4Address.parse(node.ipv4Gateway()))) {
            throw new NodeConfigException("The gateway " + node.ipv4Gateway() + " is not inside the subnet of "
                    + node.ipv4Address() + "/" + prefix + "; correct the node on the Management Node and download"
                    + " its file again.");
        }
        if (!node.ipv6Gateway().isEmpty() && node.ipv6Address().isEmpty()) {
            throw new NodeConfigException("The file has an IPv6 gateway but no IPv6 address.");
        }
        NodeConfig.Enrolment enrolment = config.enrolment();
        if (!enrolment.expires().isAfter(enrolment.created())) {
            throw new NodeConfigException("The file's enrolment token expires (" + enrolment.expires()
                    + ") before it was created (" + enrolment.created() + "); the file was altered.");
        }
        Instant now = clock.instant();
        if (!now.isBefore(enrolment.expires())) {
            throw new NodeConfigException("This configuration file expired at " + enrolment.expires() + " (it is"
                    + " valid for a limited time after it is downloaded). Download a new file for "
                    + node.fqdn() + " from the Management Node and upload that one.");
        }
    }
}
