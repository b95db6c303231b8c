package dev.confab.management.resource.catalog;

import dev.confab.management.resource.Candidate;
import dev.confab.management.resource.FieldErrors;
import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.Format;
import dev.confab.management.resource.ResourceRules;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.StoreView;

/**
 * The reference's resources for servers the nodes would use beside DNS and NTP: {@code syslog_server},
 * {@code http_proxy}, {@code event_sink}, {@code stun_server}, {@code turn_server} and
 * {@code snmp_network_management_system}. Locations and the Management Node refer to them;
 * Confab stores them and does not use them yet.
 */
final class NetworkServices {

    private NetworkServices() {
    }

    /** A named server of the reference: name, description and address, listed by name. */
    static ResourceSpec.Builder server(String resource, String title, String what) {
        return ResourceSpec.builder(resource, title)
                .field(FieldSpec.string("name").required().unique().maxLength(250)
                        .help("The name of this " + what + ", unique on the platform."))
                .field(FieldSpec.string("description").maxLength(250).help("A description of the " + what + "."))
                .field(FieldSpec.string("address").required().maxLength(255).format(Format.HOST)
                        .help(StoredOnly.help("IP address or host name of the " + what + ".")))
                .defaultOrder("name");
    }

    /** A port from 1 to 65535, {@code standard} unless given. */
    static FieldSpec port(long standard) {
        return FieldSpec.integer("port").defaultValue(standard).range(1, 65535)
                .help("Port, 1 to 65535 (" + standard + " unless given).");
    }

    /** A password kept encrypted and never shown. */
    static FieldSpec password(int maxLength) {
        return FieldSpec.string("password").nullable().maxLength(maxLength).secret(FieldSpec.Secret.SEALED)
                .help("Password (write-only; kept encrypted).");
    }

    static ResourceSpec syslog() {
        return ResourceSpec.builder(ResourceNames.SYSLOG_SERVER, "Syslog server")
                .displayField("address")
                .field(FieldSpec.string("address").required().maxLength(255).format(Format.HOST)
                        .help(StoredOnly.help("IP address or host name of the remote syslog server.")))
                .field(FieldSpec.string("description").maxLength(500).help("A description of the server."))
                .field(port(514))
                .field(FieldSpec.string("transport").defaultValue("udp").choices("udp", "tcp", "tls")
                        .help("Transport: udp, tcp or tls."))
                .field(FieldSpec.bool("audit_log", false).help("Send the audit log."))
                .field(FieldSpec.bool("support_log", false).help("Send the support log."))
                .field(FieldSpec.bool("web_log", false).help("Send the web server log."))
                .defaultOrder("address")
                .build();
    }

    static ResourceSpec httpProxy() {
        return server(ResourceNames.HTTP_PROXY, "Web proxy", "web proxy")
                .field(port(8080))
                .field(FieldSpec.string("protocol").defaultValue("http").choices("http", "https")
                        .help("Protocol the proxy is spoken to with: http or https."))
                .field(FieldSpec.string("username").maxLength(100).help("User name, if the proxy needs one."))
                .field(password(100))
                .rules(new ResourceRules() {
                    @Override
                    public void check(Candidate proxy, StoreView store, FieldErrors errors) {
                        if (!proxy.text("password").isEmpty() && proxy.text("username").isEmpty()) {
                            errors.add("username", "A proxy password needs its user name.");
                        }
                    }
                })
                .build();
    }

    static ResourceSpec eventSink() {
        return ResourceSpec.builder(ResourceNames.EVENT_SINK, "Event sink")
                .field(FieldSpec.string("name").required().unique().maxLength(250)
                        .help("The name of this event sink, unique on the platform."))
                .field(FieldSpec.string("description").maxLength(250).help("A description of the event sink."))
                .field(FieldSpec.string("url").required().maxLength(255).format(Format.URL)
                        .help(StoredOnly.help("URL that is to receive the platform's events.")))
                .field(FieldSpec.string("username").maxLength(100).help("User name for the URL, if it needs one."))
                .field(password(100))
                .field(FieldSpec.bool("bulk_support", false).help("Whether the sink takes several events per request."))
                .field(FieldSpec.bool("verify_tls_certificate", true)
                        .help("Whether the sink's HTTPS certificate is to be verified."))
                .field(FieldSpec.integer("version").defaultValue(2L).range(1, 2).help("Event format version, 1 or 2."))
                .field(FieldSpec.datetime("restart_date").nullable().readOnly()
                        .help("When the sink was last restarted (UTC, read-only); null, as Confab sends no events yet."))
                .defaultOrder("name")
                .build();
    }

    static ResourceSpec stun() {
        return server(ResourceNames.STUN_SERVER, "STUN server", "STUN server").field(port(3478)).build();
    }

    static ResourceSpec turn() {
        return server(ResourceNames.TURN_SERVER, "TURN server", "TURN server")
                .field(port(3478))
                .field(FieldSpec.string("server_type").defaultValue("namepsw").choices("namepsw", "coturn_shared")
                        .help("namepsw: user name and password; coturn_shared: a secret shared with coturn."))
                .field(FieldSpec.string("transport_type").defaultValue("udp").choices("udp", "tcp", "tls")
                        .help("Transport: udp, tcp or tls."))
                .field(FieldSpec.string("username").maxLength(100).help("User name (namepsw)."))
                .field(password(100))
                .field(FieldSpec.string("secret_key").nullable().maxLength(256).secret(FieldSpec.Secret.SEALED)
                        .help("Shared secret (coturn_shared; write-only; kept encrypted)."))
                .rules(new ResourceRules() {
                    @Override
                    public void check(Candidate turn, StoreView store, FieldErrors errors) {
                        if (turn.text("server_type").equals("coturn_shared") && turn.text("secret_key").isEmpty()) {
                            errors.add("secret_key", "A coturn_shared TURN server needs its shared secret.");
                        }
                    }
                })
                .build();
    }

    static ResourceSpec snmpManagementSystem() {
        return server(ResourceNames.SNMP_NETWORK_MANAGEMENT_SYSTEM, "SNMP network management system",
                "SNMP network management system")
                .field(port(161))
                .field(FieldSpec.string("snmp_trap_community").defaultValue("public").maxLength(16)
                        .help("Community the traps are sent with."))
                .build();
    }
}
