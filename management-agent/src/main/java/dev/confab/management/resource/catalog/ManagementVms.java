package dev.confab.management.resource.catalog;

import dev.confab.management.resource.Candidate;
import dev.confab.management.resource.FieldErrors;
import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.Format;
import dev.confab.management.resource.ResourceRules;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.StoreView;
import dev.confab.shared.net.Ipv4Interface;

import java.util.Map;

/** {@code management_vm}: the Management Node itself, one object created with the store. */
final class ManagementVms implements ResourceRules {

    static final String NAME = ResourceNames.MANAGEMENT_VM;

    static ResourceSpec spec() {
        ResourceSpec.Builder builder = ResourceSpec.builder(NAME, "Management Node")
                .shape(ResourceSpec.Shape.SINGLETON)
                .field(FieldSpec.string("name").required().maxLength(32).help("The name of the Management Node."))
                .field(FieldSpec.string("description").maxLength(250).help("A description of the Management Node."))
                .field(FieldSpec.string("hostname").nullable().maxLength(63).format(Format.HOSTNAME)
                        .help("Host name of the Management Node; also the value of the bursting tag."))
                .field(FieldSpec.string("domain").nullable().maxLength(192).format(Format.DOMAIN)
                        .help("Domain suffix of the Management Node."))
                .field(FieldSpec.string("address").nullable().format(Format.NODE_IPV4).help("IPv4 address."))
                .field(FieldSpec.string("netmask").nullable().format(Format.NETMASK).help("IPv4 network mask."))
                .field(FieldSpec.string("gateway").nullable().format(Format.GATEWAY_IPV4).help("IPv4 default gateway."))
                .field(FieldSpec.string("static_nat_address").nullable().format(Format.NODE_IPV4)
                        .help("Public IPv4 address reached through static NAT, if any."))
                .field(FieldSpec.string("ipv6_address").nullable().format(Format.IPV6)
                        .help(StoredOnly.help("IPv6 address of the Management Node, if any.")))
                .field(FieldSpec.string("ipv6_gateway").nullable().format(Format.IPV6)
                        .help(StoredOnly.help("IPv6 default gateway, if any.")))
                .field(FieldSpec.integer("mtu").defaultValue(1500L).range(512, 1500)
                        .help(StoredOnly.help("Maximum transmission unit of the network interface.")))
                .field(FieldSpec.string("alternative_fqdn").maxLength(255).format(Format.DOMAIN)
                        .help(StoredOnly.help("Another name the Management Node is reached at.")))
                .field(FieldSpec.relatedList("dns_servers", ResourceNames.DNS_SERVER).whole()
                        .help("DNS servers of the Management Node."))
                .field(FieldSpec.relatedList("ntp_servers", ResourceNames.NTP_SERVER).whole()
                        .help("NTP servers of the Management Node."))
                .field(FieldSpec.relatedList("syslog_servers", ResourceNames.SYSLOG_SERVER).whole()
                        .help(StoredOnly.help("Remote syslog servers of the Management Node.")))
                .field(FieldSpec.relatedList("event_sinks", ResourceNames.EVENT_SINK).whole()
                        .help(StoredOnly.help("Event sinks the Management Node sends events to.")))
                .field(FieldSpec.relatedList("static_routes", ResourceNames.STATIC_ROUTE).whole()
                        .help(StoredOnly.help("Static routes of the Management Node.")))
                .field(FieldSpec.related("http_proxy", ResourceNames.HTTP_PROXY).nullable()
                        .help(StoredOnly.help("Web proxy the Management Node reaches the internet through.")))
                .field(FieldSpec.string("enable_ssh").defaultValue("GLOBAL").choices("GLOBAL", "OFF", "ON")
                        .help("SSH access: GLOBAL follows the platform-wide setting."))
                .field(FieldSpec.relatedList("ssh_authorized_keys", ResourceNames.SSH_AUTHORIZED_KEY)
                        .help(StoredOnly.help("SSH keys that may log in to the Management Node as admin.")))
                .field(FieldSpec.bool("ssh_authorized_keys_use_cloud", true)
                        .help(StoredOnly.help("Also accept the SSH keys the cloud provides for the instance.")))
                .field(FieldSpec.related("tls_certificate", ResourceNames.TLS_CERTIFICATE).nullable()
                        .help("The TLS certificate of the administrator interface and API."))
                .field(FieldSpec.related("tls_client_certificate", ResourceNames.TLS_CERTIFICATE).nullable()
                        .help(StoredOnly.help("The TLS certificate the Management Node presents as a client.")))
                .field(FieldSpec.string("secondary_config_passphrase").nullable().maxLength(100)
                        .secret(FieldSpec.Secret.SEALED)
                        .help(StoredOnly.help("Passphrase a secondary Management Node would use to join"
                                + " (write-only; kept encrypted).")))
                .field(FieldSpec.related("snmp_network_management_system",
                        ResourceNames.SNMP_NETWORK_MANAGEMENT_SYSTEM).nullable()
                        .help(StoredOnly.help("SNMP system that receives the Management Node's traps.")))
                .field(FieldSpec.bool("primary", true).computed()
                        .help("Whether this is the primary Management Node: always true, as Confab has one"
                                + " (read-only)."))
                .field(FieldSpec.bool("initializing", false).computed()
                        .help("Whether the Management Node is still being installed: false once it serves this API"
                                + " (read-only)."))
                .rules(new ManagementVms());
        return SnmpFields.addTo(builder, "the Management Node").build();
    }

    /** One Management Node, serving: the primary, and past its installation. */
    @Override
    public void render(Map<String, Object> values, StoreView store) {
        values.put("primary", true);
        values.put("initializing", false);
    }

    @Override
    public void check(Candidate node, StoreView store, FieldErrors errors) {
        SnmpFields.check(node, errors);
        if (!node.text("ipv6_gateway").isEmpty() && node.text("ipv6_address").isEmpty()) {
            errors.add("ipv6_gateway", "Set an IPv6 address before an IPv6 gateway.");
        }
        String address = node.text("address");
        String netmask = node.text("netmask");
        String gateway = node.text("gateway");
        if (!address.isEmpty() && !gateway.isEmpty() && !netmask.isEmpty() && !errors.has("gateway")
                && !errors.has("address") && !errors.has("netmask")
                && !Ipv4Interface.gatewayInSubnet(address, netmask, gateway)) {
            errors.add("gateway", "The gateway " + gateway + " is not inside the subnet of " + address + "/"
                    + netmask + ": enter a gateway on the Management Node's subnet.");
        }
    }
}
