package dev.confab.shared.nodeconfig;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Converts between the JAXB binding and {@link NodeConfig}. Stateless. */
final class XmlMapping {

    private XmlMapping() {
    }

    static NodeConfig toRecord(XmlModel.Root root) {
        XmlModel.Node n = root.node;
        List<NodeConfig.Route> routes = new ArrayList<>();
        for (XmlModel.Route route : n.staticRoutes) {
            routes.add(new NodeConfig.Route(route.name, route.address, route.prefix, route.gateway));
        }
        NodeConfig.Node node = new NodeConfig.Node(n.name, text(n.description), n.role, n.hostname, n.domain,
                n.ipv4Address, n.ipv4Netmask, n.ipv4Gateway, text(n.ipv6Address), text(n.ipv6Gateway),
                text(n.staticNatAddress), text(n.sipTlsFqdn), routes, n.enableDistributedDatabase, n.enableSsh);
        XmlModel.Location l = root.location;
        NodeConfig.Location location = new NodeConfig.Location(text(l.name), l.mtu, l.dnsServer, l.ntpServer);
        XmlModel.ManagementNode m = root.managementNode;
        NodeConfig.ManagementNode management = new NodeConfig.ManagementNode(m.address, m.nodePort,
                m.caFingerprintSha256);
        XmlModel.Enrolment e = root.enrolment;
        NodeConfig.Enrolment enrolment = new NodeConfig.Enrolment(e.token, instant(e.created), instant(e.expires));
        return new NodeConfig(node, location, management, root.adminPasswordHash, enrolment);
    }

    static XmlModel.Root toXml(NodeConfig config) {
        XmlModel.Root root = new XmlModel.Root();
        root.schemaVersion = NodeConfig.SCHEMA_VERSION;
        NodeConfig.Node n = config.node();
        XmlModel.Node node = new XmlModel.Node();
        node.name = n.name();
        node.description = n.description();
        node.role = n.role();
        node.hostname = n.hostname();
        node.domain = n.domain();
        node.ipv4Address = n.ipv4Address();
        node.ipv4Netmask = n.ipv4Netmask();
        node.ipv4Gateway = n.ipv4Gateway();
        node.ipv6Address = optional(n.ipv6Address());
        node.ipv6Gateway = optional(n.ipv6Gateway());
        node.staticNatAddress = optional(n.staticNatAddress());
        node.sipTlsFqdn = optional(n.sipTlsFqdn());
        for (NodeConfig.Route r : n.staticRoutes()) {
            XmlModel.Route route = new XmlModel.Route();
            route.name = r.name();
            route.address = r.address();
            route.prefix = r.prefix();
            route.gateway = r.gateway();
            node.staticRoutes.add(route);
        }
        node.enableDistributedDatabase = n.distributedDatabase();
        node.enableSsh = n.sshEnabled();
        root.node = node;
        XmlModel.Location location = new XmlModel.Location();
        location.name = config.location().name();
        location.mtu = config.location().mtu();
        location.dnsServer.addAll(config.location().dnsServers());
        location.ntpServer.addAll(config.location().ntpServers());
        root.location = location;
        XmlModel.ManagementNode management = new XmlModel.ManagementNode();
        management.address = config.managementNode().address();
        management.nodePort = config.managementNode().nodePort();
        management.caFingerprintSha256 = config.managementNode().caFingerprintSha256();
        root.managementNode = management;
        root.adminPasswordHash = config.adminPasswordHash();
        XmlModel.Enrolment enrolment = new XmlModel.Enrolment();
        enrolment.token = config.enrolment().token();
        enrolment.created = config.enrolment().created().toString();
        enrolment.expires = config.enrolment().expires().toString();
        root.enrolment = enrolment;
        return root;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static String optional(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Instant instant(String xsdDateTime) {
        // the XSD has already required a zone
        return OffsetDateTime.parse(xsdDateTime.strip()).toInstant();
    }
}
