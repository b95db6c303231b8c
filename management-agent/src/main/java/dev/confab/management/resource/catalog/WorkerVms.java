package dev.confab.management.resource.catalog;

import dev.confab.management.resource.Candidate;
import dev.confab.management.resource.FieldErrors;
import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.Format;
import dev.confab.management.resource.ResourceRules;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.StoreView;
import dev.confab.shared.net.Ipv4Interface;
import dev.confab.shared.pki.CertificateInfo;
import dev.confab.shared.pki.Pem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;


/** {@code worker_vm}: a Conferencing Node, with the guide's rules for adding one in the cloud. */
final class WorkerVms implements ResourceRules {

    static final String NAME = ResourceNames.WORKER_VM;
    static final String DEPLOYMENT_GENERIC = "MANUAL-PROVISION-ONLY";
    private static final String CONFERENCING = "CONFERENCING";
    private static final String PROXYING = "PROXYING";

    static ResourceSpec spec() {
        ResourceSpec.Builder builder = ResourceSpec.builder(NAME, "Conferencing Node")
                .field(FieldSpec.string("name").required().unique().maxLength(32)
                        .help("The name of this Conferencing Node, unique on the platform."))
                .field(FieldSpec.string("description").maxLength(250).help("A description of the node."))
                .field(FieldSpec.string("hostname").required().unique().maxLength(63).format(Format.HOSTNAME)
                        .help("The node's host name; with the domain it forms its FQDN."))
                .field(FieldSpec.string("domain").required().maxLength(192).format(Format.DOMAIN)
                        .help("The node's domain suffix."))
                .field(FieldSpec.string("address").required().unique().format(Format.NODE_IPV4)
                        .help("The node's IPv4 address."))
                .field(FieldSpec.string("netmask").required().format(Format.NETMASK)
                        .help("The IPv4 network mask of the node's address."))
                .field(FieldSpec.string("gateway").required().format(Format.GATEWAY_IPV4)
                        .help("The IPv4 default gateway, inside the address's subnet."))
                .field(FieldSpec.string("secondary_address").nullable().format(Format.NODE_IPV4)
                        .help("Secondary interface address: not supported in the cloud, leave it blank."))
                .field(FieldSpec.string("secondary_netmask").nullable().format(Format.NETMASK)
                        .help("Secondary interface netmask: not supported in the cloud, leave it blank."))
                .field(FieldSpec.string("ipv6_address").nullable().format(Format.IPV6)
                        .help("The node's IPv6 address, if any."))
                .field(FieldSpec.string("ipv6_gateway").nullable().format(Format.IPV6)
                        .help("The IPv6 default gateway, if any."))
                .field(FieldSpec.string("static_nat_address").nullable().format(Format.NODE_IPV4)
                        .help("The public IPv4 address the node is reached at through static NAT, if any."))
                .field(FieldSpec.relatedList("static_routes", ResourceNames.STATIC_ROUTE).help("Static routes of the node."))
                .field(FieldSpec.string("node_type").defaultValue(CONFERENCING).choices(CONFERENCING, PROXYING)
                        .help("CONFERENCING for a transcoding node, PROXYING for a proxying edge node."))
                .field(FieldSpec.bool("transcoding", true).alias()
                        .help("Deprecated name of the role: true is node_type CONFERENCING, false is PROXYING. A"
                                + " write that gives node_type too follows node_type."))
                .field(FieldSpec.related("system_location", SystemLocations.NAME).required()
                        .help("The system location of the node."))
                .field(FieldSpec.string("deployment_type").defaultValue(DEPLOYMENT_GENERIC).choices(DEPLOYMENT_GENERIC)
                        .help("MANUAL-PROVISION-ONLY: generic (configuration-only) deployment."))
                .field(FieldSpec.string("password").nullable().maxLength(256).secret(FieldSpec.Secret.SHA512_CRYPT)
                        .help("Password of the node's admin user for SSH, or its SHA-512 crypt hash"
                                + " ($6$[rounds=N$]salt$hash); kept only as a SHA-512 crypt hash."))
                .field(FieldSpec.bool("maintenance_mode", false)
                        .help("Maintenance mode: the node takes no new conferences; calls of the conferences it"
                                + " hosts go on. Replicated to the node, which reports it in its heartbeats."))
                .field(FieldSpec.string("maintenance_mode_reason").maxLength(250)
                        .help("Why the node is in maintenance mode."))
                .field(FieldSpec.bool("enable_distributed_database", true)
                        .help("Keep a replica of the configuration on the node's disk, so that it keeps its"
                                + " configuration while the Management Node is down."))
                .field(FieldSpec.bool("cloud_bursting", false).readOnly()
                        .help("Whether the node is an overflow node started on demand: to be set by the platform once"
                                + " cloud bursting is built; false until then."))
                .field(FieldSpec.string("enable_ssh").defaultValue("GLOBAL").choices("GLOBAL", "OFF", "ON")
                        .help("SSH access to the node: GLOBAL follows the platform-wide setting."))
                .field(FieldSpec.string("sip_tls_fqdn").nullable().maxLength(255).format(Format.DOMAIN)
                        .help("The FQDN the node presents for SIP TLS; its TLS certificate must name it."))
                .field(FieldSpec.related("tls_certificate", ResourceNames.TLS_CERTIFICATE).nullable()
                        .help("The TLS certificate the node presents."))
                .field(FieldSpec.related("tls_client_certificate", ResourceNames.TLS_CERTIFICATE).nullable()
                        .help(StoredOnly.help("The TLS certificate the node presents as a client (mutual TLS to"
                                + " other systems).")))
                .field(FieldSpec.string("alternative_fqdn").maxLength(255).format(Format.DOMAIN)
                        .help(StoredOnly.help("Another identity of the node, used in SIP TLS Contact addresses.")))
                .field(FieldSpec.relatedList("ssh_authorized_keys", ResourceNames.SSH_AUTHORIZED_KEY)
                        .help(StoredOnly.help("SSH keys that may log in to the node as admin.")))
                .field(FieldSpec.bool("ssh_authorized_keys_use_cloud", true)
                        .help(StoredOnly.help("Also accept the SSH keys the cloud provides for the instance.")))
                .field(FieldSpec.integer("vm_cpu_count").defaultValue(4L).range(2, 128)
                        .help("Virtual CPUs of the node, 2 to 128."))
                .field(FieldSpec.integer("vm_system_memory").defaultValue(4096L).range(2000, 64000)
                        .help("Memory of the node in MB, 2000 to 64000."))
                .field(FieldSpec.integer("media_priority_weight").nullable().range(0, 1000)
                        .help("Preference for placing media on this node within its location (higher first)."))
                .field(FieldSpec.bool("managed", false)
                        .help(StoredOnly.help("Whether the node is managed by a cloud service of the reference.")))
                .field(FieldSpec.bool("service_manager", true)
                        .help(StoredOnly.help("Whether the node runs the service manager.")))
                .field(FieldSpec.bool("service_policy", true)
                        .help(StoredOnly.help("Whether the node runs service policy.")))
                .field(FieldSpec.bool("signalling", true)
                        .help(StoredOnly.help("Whether the node handles signalling.")))
                .field(FieldSpec.string("enrolment_status").computed()
                        .help("ENROLLED once the node has enrolled with its configuration file and holds a valid"
                                + " certificate from the Management Node's CA, else NOT_ENROLLED (read-only)."))
                .field(FieldSpec.string("certificate_serial").computed()
                        .help("Serial number (hex) of the node's valid certificate, empty before enrolment (read-only)."))
                .rules(new WorkerVms())
                .defaultOrder("name");
        return SnmpFields.addTo(builder, "this Conferencing Node").build();
    }

    /** The deprecated {@code transcoding} gives the role when {@code node_type} is not given. */
    @Override
    public void prepare(Candidate node) {
        if (node.given("transcoding") && !node.given("node_type") && node.get("transcoding") instanceof Boolean flag) {
            node.put("node_type", flag ? CONFERENCING : PROXYING);
        }
    }

    @Override
    public void render(Map<String, Object> values, StoreView store) {
        renderPage(List.of(values), store);
    }

    /** Enrolment status and certificate serial of every node of the page, in one query. */
    @Override
    public void renderPage(List<Map<String, Object>> nodes, StoreView store) {
        Map<Object, String> serials = new HashMap<>();
        List<Object> ids = nodes.stream().map(node -> node.get("id")).toList();
        for (Map<String, Object> certificate : store.findIn("node_certificate", "node_id", ids)) {
            if (certificate.get("revoked") == null) {
                serials.put(((Number) certificate.get("node_id")).longValue(), String.valueOf(certificate.get("serial")));
            }
        }
        for (Map<String, Object> node : nodes) {
            String serial = serials.getOrDefault(((Number) node.get("id")).longValue(), "");
            node.put("transcoding", CONFERENCING.equals(node.get("node_type")));
            node.put("enrolment_status", serial.isEmpty() ? "NOT_ENROLLED" : "ENROLLED");
            node.put("certificate_serial", serial);
        }
    }

    @Override
    public void check(Candidate node, StoreView store, FieldErrors errors) {
        if (!errors.has("gateway") && !errors.has("address") && !errors.has("netmask")
                && !Ipv4Interface.gatewayInSubnet(node.text("address"), node.text("netmask"), node.text("gateway"))) {
            errors.add("gateway", "The gateway " + node.text("gateway") + " is not inside the subnet of "
                    + node.text("address") + "/" + node.text("netmask") + ": enter a gateway on the node's subnet.");
        }
        SnmpFields.check(node, errors);
        for (String field : new String[] {"secondary_address", "secondary_netmask"}) {
            if (!node.text(field).isEmpty()) {
                errors.add(field, "A secondary network interface is not supported in the cloud: leave it blank.");
            }
        }
        if (!node.text("ipv6_gateway").isEmpty() && node.text("ipv6_address").isEmpty()) {
            errors.add("ipv6_gateway", "Set an IPv6 address before an IPv6 gateway.");
        }
        Long location = node.number("system_location");
        // a node that keeps its location and type cannot break the rule: every other node of the location
        // was checked against it when that other node was written
        if (location != null && !errors.has("node_type")
                && (node.changed("system_location") || node.changed("node_type"))) {
            store.findFirstDiffering(NAME, "system_location", location, "node_type", node.text("node_type"),
                    node.id() == null ? -1 : node.id()).ifPresent(other -> errors.add("node_type",
                    "Location already holds " + other.get("node_type") + " nodes (such as " + other.get("name")
                            + "): a location never mixes transcoding and proxying nodes."
                            + " Choose another location or node type."));
        }
        Long certificate = node.number("tls_certificate");
        String fqdn = node.text("sip_tls_fqdn");
        if (certificate != null && !fqdn.isEmpty()) {
            store.find(ResourceNames.TLS_CERTIFICATE, certificate).ifPresent(row -> {
                String pem = String.valueOf(row.get("certificate"));
                if (!CertificateInfo.of(Pem.readCertificates(pem).get(0)).names(fqdn)) {
                    errors.add("sip_tls_fqdn", "The TLS certificate does not name " + fqdn
                            + ": choose a certificate whose subject or alternative names include it.");
                }
            });
        }
    }
}
