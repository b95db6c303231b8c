package dev.confab.management.provisioning;

import dev.confab.management.resource.NotFoundException;
import dev.confab.management.resource.StoreView;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.shared.nodeconfig.NodeConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads a {@code worker_vm} and its location, servers and routes into the parts of a node configuration file. */
final class NodeConfigAssembler {

    private NodeConfigAssembler() {
    }

    static Map<String, Object> nodeRow(StoreView store, long nodeId) {
        return store.find(ResourceNames.WORKER_VM, nodeId).orElseThrow(() -> new NotFoundException(
                "There is no Conferencing Node with id " + nodeId + "."));
    }

    static NodeConfig.Node node(StoreView store, Map<String, Object> row) {
        long id = number(row, "id");
        List<NodeConfig.Route> routes = new ArrayList<>();
        for (long routeId : store.listIds(ResourceNames.WORKER_VM, "static_routes", id)) {
            store.find(ResourceNames.STATIC_ROUTE, routeId).ifPresent(route -> routes.add(new NodeConfig.Route(
                    text(route, "name"), text(route, "address"), (int) number(route, "prefix"), text(route, "gateway"))));
        }
        return new NodeConfig.Node(text(row, "name"), text(row, "description"), text(row, "node_type"),
                text(row, "hostname"), text(row, "domain"), text(row, "address"), text(row, "netmask"),
                text(row, "gateway"), text(row, "ipv6_address"), text(row, "ipv6_gateway"),
                text(row, "static_nat_address"), text(row, "sip_tls_fqdn"), routes,
                number(row, "enable_distributed_database") != 0, sshEnabled(store, text(row, "enable_ssh")));
    }

    static NodeConfig.Location location(StoreView store, Map<String, Object> row) {
        long locationId = number(row, "system_location");
        Map<String, Object> location = store.find(ResourceNames.SYSTEM_LOCATION, locationId).orElseThrow();
        return new NodeConfig.Location(text(location, "name"), (int) number(location, "mtu"),
                addresses(store, "dns_servers", ResourceNames.DNS_SERVER, locationId),
                addresses(store, "ntp_servers", ResourceNames.NTP_SERVER, locationId));
    }

    private static List<String> addresses(StoreView store, String field, String resource, long locationId) {
        List<String> addresses = new ArrayList<>();
        for (long id : store.listIds(ResourceNames.SYSTEM_LOCATION, field, locationId)) {
            store.find(resource, id).ifPresent(server -> addresses.add(text(server, "address")));
        }
        return addresses;
    }

    /** GLOBAL follows the platform-wide setting. */
    private static boolean sshEnabled(StoreView store, String setting) {
        if (setting.equals("GLOBAL")) {
            return store.find(ResourceNames.GLOBAL, 1).map(global -> "ON".equals(global.get("enable_ssh"))).orElse(true);
        }
        return setting.equals("ON");
    }

    static String text(Map<String, Object> row, String column) {
        return Objects.toString(row.get(column), "");
    }

    static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
