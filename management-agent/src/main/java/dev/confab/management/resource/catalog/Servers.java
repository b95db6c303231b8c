package dev.confab.management.resource.catalog;

import dev.confab.management.resource.Candidate;
import dev.confab.management.resource.FieldErrors;
import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.Format;
import dev.confab.management.resource.ResourceRules;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.StoreView;
import dev.confab.shared.net.Ipv4Address;

/** {@code dns_server}, {@code ntp_server} and {@code static_route}: the System menu's resources. */
final class Servers {

    private Servers() {
    }

    static ResourceSpec dns() {
        return ResourceSpec.builder(ResourceNames.DNS_SERVER, "DNS server")
                .displayField("address")
                .field(FieldSpec.string("address").required().unique().format(Format.IP)
                        .help("IPv4 or IPv6 address of the DNS server."))
                .field(FieldSpec.string("description").maxLength(250).help("A description of the server."))
                .defaultOrder("address")
                .build();
    }

    static ResourceSpec ntp() {
        return ResourceSpec.builder(ResourceNames.NTP_SERVER, "NTP server")
                .displayField("address")
                .field(FieldSpec.string("address").required().unique().maxLength(255).format(Format.HOST)
                        .help("Address or host name of the NTP server."))
                .field(FieldSpec.string("description").maxLength(250).help("A description of the server."))
                .field(FieldSpec.string("key").nullable().maxLength(64).secret(FieldSpec.Secret.SEALED)
                        .help("Symmetric key for authenticated NTP (write-only; kept encrypted)."))
                .field(FieldSpec.integer("key_id").nullable().range(1, 65535).help("Key ID of that key."))
                .rules(new ResourceRules() {
                    @Override
                    public void check(Candidate server, StoreView store, FieldErrors errors) {
                        if (!server.text("key").isEmpty() && server.number("key_id") == null) {
                            errors.add("key_id", "An NTP key needs its key ID.");
                        }
                    }
                })
                .defaultOrder("address")
                .build();
    }

    static ResourceSpec staticRoute() {
        return ResourceSpec.builder(ResourceNames.STATIC_ROUTE, "Static route")
                .field(FieldSpec.string("name").required().unique().maxLength(250).help("The name of the route."))
                .field(FieldSpec.string("address").required().format(Format.IP).help("Destination network address."))
                .field(FieldSpec.integer("prefix").required().range(0, 128).help("Destination prefix length."))
                .field(FieldSpec.string("gateway").required().format(Format.IP).help("Gateway for that network."))
                .rules(new ResourceRules() {
                    @Override
                    public void check(Candidate route, StoreView store, FieldErrors errors) {
                        boolean v4 = Ipv4Address.isValid(route.text("address"));
                        Long prefix = route.number("prefix");
                        if (v4 && prefix != null && prefix > 32) {
                            errors.add("prefix", "An IPv4 prefix is between 0 and 32.");
                        }
                        if (!errors.has("gateway") && !errors.has("address")
                                && v4 != Ipv4Address.isValid(route.text("gateway"))) {
                            errors.add("gateway", "The gateway must be of the same IP version as the address.");
                        }
                    }
                })
                .defaultOrder("name")
                .build();
    }
}
