package dev.confab.management.provisioning;

import dev.confab.management.resource.catalog.Server;
import dev.confab.management.resource.catalog.SystemLocation;
import dev.confab.management.resource.catalog.WorkerVm;
import dev.confab.management.resource.engine.TypedReads;
import dev.confab.shared.nodeconfig.NodeConfig;

import java.util.List;

/** Turns a {@link WorkerVm} and its location, servers and routes into the parts of a node configuration file. */
final class NodeConfigAssembler {

    private NodeConfigAssembler() {
    }

    static NodeConfig.Node node(WorkerVm node, TypedReads reads) {
        List<NodeConfig.Route> routes = reads.staticRoutes(node.staticRoutes()).stream()
                .map(route -> new NodeConfig.Route(route.name(), route.address(), route.prefix(), route.gateway()))
                .toList();
        return new NodeConfig.Node(node.name(), node.description(), node.nodeType().name(), node.hostname(),
                node.domain(), node.address(), node.netmask(), node.gateway(), node.ipv6Address().orElse(""),
                node.ipv6Gateway().orElse(""), node.staticNatAddress().orElse(""), node.sipTlsFqdn().orElse(""),
                routes, node.enableDistributedDatabase(), node.sshEnabled(reads.globalSettings()));
    }

    static NodeConfig.Location location(WorkerVm node, TypedReads reads) {
        SystemLocation location = reads.systemLocation(node.systemLocation()).orElseThrow();
        return new NodeConfig.Location(location.name(), location.mtu(),
                addresses(reads.dnsServers(location.dnsServers())), addresses(reads.ntpServers(location.ntpServers())));
    }

    private static List<String> addresses(List<Server> servers) {
        return servers.stream().map(Server::address).toList();
    }
}
