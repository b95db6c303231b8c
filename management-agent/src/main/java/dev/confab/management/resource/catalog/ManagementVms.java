package dev.confab.management.resource.catalog;

import dev.confab.management.resource.Candidate;
import dev.confab.management.resource.FieldErrors;
import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.Format;
import dev.confab.management.resource.ResourceRules;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.StoreView;
import dev.confab.shared.net.Ipv4Interface;

/** {@code management_vm}: the Management Node itself, one object created with the store. */
final class ManagementVms implements ResourceRules {

    static final String NAME = ResourceNames.MANAGEMENT_VM;

    static ResourceSpec spec() {
        return ResourceSpec.builder(NAME, "Management Node")
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
                .field(FieldSpec.relatedList("dns_servers", "dns_server").help("DNS servers of the Management Node."))
                .field(FieldSpec.relatedList("ntp_servers", "ntp_server").help("NTP servers of the Management Node."))
                .field(FieldSpec.string("enable_ssh").defaultValue("GLOBAL").choices("GLOBAL", "OFF", "ON")
                        .help("SSH access: GLOBAL follows the platform-wide setting."))
                .field(FieldSpec.related("tls_certificate", "tls_certificate").nullable()
                        .help("The TLS certificate of the administrator interface and API."))
                .rules(new ManagementVms())
                .build();
    }

    @Override
    public void check(Candidate node, StoreView store, FieldErrors errors) {
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
