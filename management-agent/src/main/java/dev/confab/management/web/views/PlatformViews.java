package dev.confab.management.web.views;

import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.web.views.ResourceView.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.confab.management.web.views.ResourceViews.columns;
import static dev.confab.management.web.views.ResourceViews.section;

/** The pages whose forms group their fields or fix some of them. */
public final class PlatformViews {

    /** Platform › Global Settings, which also shows the IAM policy bursting needs. */
    public static final String GLOBAL_HREF = "/platform/global-settings/";
    /** Platform › Conferencing Nodes, whose new nodes go on to the deploy step. */
    public static final String NODES_HREF = "/platform/conferencing-nodes/";

    private PlatformViews() {
    }

    static ResourceView global(ResourceSpec spec) {
        return new ResourceView(GLOBAL_HREF, "Global Settings", spec.title(), spec, List.of(),
                Map.of(), List.of(
                section("Cloud bursting", "bursting_enabled", "bursting_threshold", "bursting_min_lifetime",
                        "cloud_provider", "aws_region", "aws_endpoint", "aws_instance_role", "aws_access_key",
                        "aws_secret_key", "bursting_tag_name", "bursting_tag_value"),
                section("Azure and GCP credentials", "azure_client_id", "azure_secret", "azure_subscription_id",
                        "azure_tenant", "gcp_client_email", "gcp_private_key", "gcp_project_id"),
                section("Connectivity", "enable_ssh", "enable_edge_non_mesh", "media_ports_start", "media_ports_end",
                        "signalling_ports_start", "signalling_ports_end"),
                section("Calls", "max_pixels_per_second", "crypto_mode"),
                section("Monitoring", "metrics_scrape_token"),
                section("Platform", "deployment_uuid")), true, false);
    }

    static ResourceView locations(ResourceSpec spec) {
        return new ResourceView("/platform/locations/", "Locations", spec.title(), spec,
                columns(spec, "name", "description", "mtu", "overflow_location1", "overflow_location2",
                        "transcoding_location"),
                Map.of(), List.of(), true, false);
    }

    static ResourceView nodes(ResourceSpec spec) {
        return new ResourceView(NODES_HREF, "Conferencing Nodes", spec.title(), spec,
                columns(spec, "name", "hostname", "address", "system_location", "node_type", "maintenance_mode"),
                Map.of(), List.of(
                section("Node", "name", "description", "node_type", "system_location", "deployment_type"),
                section("Network", "hostname", "domain", "address", "netmask", "gateway", "ipv6_address",
                        "ipv6_gateway", "static_nat_address", "static_routes", "secondary_address",
                        "secondary_netmask"),
                section("Access and certificates", "password", "enable_ssh", "ssh_authorized_keys",
                        "ssh_authorized_keys_use_cloud", "sip_tls_fqdn", "alternative_fqdn", "tls_certificate",
                        "tls_client_certificate"),
                section("Operation", "maintenance_mode", "maintenance_mode_reason", "enable_distributed_database",
                        "cloud_bursting", "vm_cpu_count", "vm_system_memory", "media_priority_weight", "managed",
                        "service_manager", "service_policy", "signalling"),
                section("SNMP", "snmp_mode", "snmp_community", "snmp_username", "snmp_authentication_password",
                        "snmp_privacy_password", "snmp_system_contact", "snmp_system_location")),
                true, true);
    }

    /** Virtual Meeting Rooms or Virtual Auditoriums: conferences of one service type. */
    static ResourceView services(String href, String title, String singular, ResourceSpec spec, String serviceType) {
        List<Column> columns = new ArrayList<>(columns(spec, "name", "description"));
        columns.add(new Column("Aliases", null, PlatformViews::aliasNames));
        columns.addAll(columns(spec, "call_type", "allow_guests", "tag"));
        return new ResourceView(href, title, singular, spec, columns, Map.of("service_type", serviceType),
                List.of(section(singular, "name", "description", "pin", "guest_pin", "allow_guests", "call_type",
                        "participant_limit", "max_pixels_per_second", "tag"), section("Aliases", "aliases")),
                true, false);
    }

    private static Object aliasNames(Map<String, Object> conference) {
        List<String> names = new ArrayList<>();
        if (conference.get("aliases") instanceof List<?> aliases) {
            for (Object alias : aliases) {
                if (alias instanceof Map<?, ?> map) {
                    names.add(String.valueOf(map.get("alias")));
                }
            }
        }
        return names;
    }
}
