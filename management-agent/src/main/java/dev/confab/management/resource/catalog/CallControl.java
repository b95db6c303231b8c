package dev.confab.management.resource.catalog;

import dev.confab.management.resource.Candidate;
import dev.confab.management.resource.FieldErrors;
import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.Format;
import dev.confab.management.resource.ResourceRules;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.StoreView;

import java.util.List;

/**
 * The reference's call-control resources that locations name: {@code sip_proxy},
 * {@code mssip_proxy}, {@code h323_gatekeeper}, {@code teams_proxy} and {@code policy_server}.
 * Confab stores them and does not use them yet.
 */
final class CallControl {

    private static final List<String> LOOKUPS = List.of("enable_service_lookup", "enable_participant_lookup",
            "enable_registration_lookup", "enable_directory_lookup", "enable_avatar_lookup",
            "enable_media_location_lookup");

    private CallControl() {
    }

    private static FieldSpec optionalPort(long standard) {
        return FieldSpec.integer("port").nullable().defaultValue(standard).range(1, 65535)
                .help("Port, 1 to 65535 (" + standard + " unless given; blank for the protocol's own).");
    }

    static ResourceSpec sipProxy() {
        return NetworkServices.server(ResourceNames.SIP_PROXY, "SIP proxy", "SIP proxy")
                .field(optionalPort(5061))
                .field(FieldSpec.string("transport").defaultValue("tls").choices("tcp", "udp", "tls")
                        .help("Transport: tcp, udp or tls."))
                .build();
    }

    static ResourceSpec mssipProxy() {
        return NetworkServices.server(ResourceNames.MSSIP_PROXY, "Microsoft SIP proxy", "Microsoft SIP proxy")
                .field(optionalPort(5061))
                .field(FieldSpec.string("transport").defaultValue("tls").choices("tcp", "tls")
                        .help("Transport: tcp or tls."))
                .build();
    }

    static ResourceSpec h323Gatekeeper() {
        return NetworkServices.server(ResourceNames.H323_GATEKEEPER, "H.323 gatekeeper", "H.323 gatekeeper")
                .field(optionalPort(1719))
                .build();
    }

    static ResourceSpec teamsProxy() {
        return NetworkServices.server(ResourceNames.TEAMS_PROXY, "Teams connector", "Teams connector")
                .field(NetworkServices.port(443))
                .field(FieldSpec.string("eventhub_id").nullable().maxLength(250)
                        .help("Event hub of the connector's notifications, if any."))
                .field(FieldSpec.integer("min_number_of_instances").defaultValue(1L).range(1, 1000)
                        .help("Fewest connector instances to keep running."))
                .field(FieldSpec.bool("notifications_enabled", false).help("Whether the connector sends notifications."))
                .field(FieldSpec.string("notifications_queue").nullable().maxLength(1024)
                        .secret(FieldSpec.Secret.SEALED)
                        .help("Connection string of the notifications queue (write-only; kept encrypted)."))
                .build();
    }

    static ResourceSpec policyServer() {
        ResourceSpec.Builder builder = ResourceSpec.builder(ResourceNames.POLICY_SERVER, "Policy server")
                .field(FieldSpec.string("name").required().unique().maxLength(250)
                        .help("The name of this policy server, unique on the platform."))
                .field(FieldSpec.string("description").maxLength(250).help("A description of the policy server."))
                .field(FieldSpec.string("url").maxLength(255).format(Format.URL)
                        .help(StoredOnly.help("URL of the external policy server; https unless allow_http.")))
                .field(FieldSpec.string("username").maxLength(100).help("User name for the URL, if it needs one."))
                .field(NetworkServices.password(100))
                .field(FieldSpec.bool("allow_http", false).help("Whether the URL may be plain http."));
        for (String lookup : LOOKUPS) {
            builder.field(FieldSpec.bool(lookup, false).help("Whether to ask the policy server for "
                    + lookup.substring("enable_".length(), lookup.length() - "_lookup".length()).replace('_', ' ')
                    + " data."));
        }
        for (String policy : new String[] {"service", "participant", "media_location"}) {
            builder.field(FieldSpec.bool("enable_internal_" + policy + "_policy", false)
                    .help("Whether the internal " + policy.replace('_', ' ') + " policy template applies."));
            builder.field(FieldSpec.string("internal_" + policy + "_policy_template").maxLength(65536).multiLine()
                    .help("The internal " + policy.replace('_', ' ') + " policy template (jinja2)."));
        }
        return builder
                .field(FieldSpec.bool("prefer_local_avatar_configuration", false)
                        .help("Whether avatars configured here win over the policy server's."))
                .rules(new ResourceRules() {
                    @Override
                    public void check(Candidate server, StoreView store, FieldErrors errors) {
                        String url = server.text("url");
                        if (url.startsWith("http://") && !server.flag("allow_http")) {
                            errors.add("url", "A plain http:// URL needs allow_http: use https:// or turn"
                                    + " allow_http on.");
                        }
                        LOOKUPS.stream().filter(server::flag).findFirst().filter(lookup -> url.isEmpty())
                                .ifPresent(lookup -> errors.add("url", lookup + " needs the policy server's URL."));
                    }
                })
                .defaultOrder("name")
                .build();
    }
}
