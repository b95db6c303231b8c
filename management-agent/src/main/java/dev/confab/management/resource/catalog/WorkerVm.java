package dev.confab.management.resource.catalog;

import dev.confab.management.resource.StoredRow;

import java.util.List;
import java.util.Optional;

/**
 * A Conferencing Node ({@code worker_vm}) as stored, with typed fields: what provisioning, IPsec,
 * replication and health read instead of the row. Secrets appear only as stored (the SSH password
 * as its SHA-512 crypt hash); computed fields (enrolment status) are not part of it. Immutable.
 *
 * @param address      the node's IPv4 address, in the one form every consumer uses (file, certificate, mesh)
 * @param passwordHash the SHA-512 crypt hash of the admin user's SSH password, if one is set
 * @param staticRoutes ids of the node's {@code static_route}s, in order
 */
public record WorkerVm(long id, String name, String description, String hostname, String domain, String address,
                       String netmask, String gateway, Optional<String> secondaryAddress,
                       Optional<String> secondaryNetmask, Optional<String> ipv6Address, Optional<String> ipv6Gateway,
                       Optional<String> staticNatAddress, List<Long> staticRoutes, NodeType nodeType,
                       long systemLocation, String deploymentType, Optional<String> passwordHash,
                       boolean maintenanceMode, String maintenanceModeReason, boolean enableDistributedDatabase,
                       boolean cloudBursting, SshAccess enableSsh, Optional<String> sipTlsFqdn,
                       Optional<Long> tlsCertificate, int vmCpuCount, int vmSystemMemory,
                       Optional<Integer> mediaPriorityWeight) {

    /** Generic (configuration-only) deployment: the node is provisioned with its configuration file. */
    public static final String GENERIC_DEPLOYMENT = WorkerVms.DEPLOYMENT_GENERIC;

    /** A transcoding node or a proxying edge node; a location never mixes them. */
    public enum NodeType { CONFERENCING, PROXYING }

    /** SSH access to the node: {@code GLOBAL} follows the platform-wide setting. */
    public enum SshAccess { GLOBAL, OFF, ON }

    public WorkerVm {
        staticRoutes = List.copyOf(staticRoutes);
    }

    /** The node as the engine stored it. */
    public static WorkerVm of(StoredRow row) {
        return new WorkerVm(row.id(), row.text("name"), row.text("description"), row.text("hostname"),
                row.text("domain"), row.text("address"), row.text("netmask"), row.text("gateway"),
                row.optionalText("secondary_address"), row.optionalText("secondary_netmask"),
                row.optionalText("ipv6_address"), row.optionalText("ipv6_gateway"),
                row.optionalText("static_nat_address"), row.ids("static_routes"),
                NodeType.valueOf(row.text("node_type")), row.number("system_location"), row.text("deployment_type"),
                row.optionalText("password"), row.flag("maintenance_mode"), row.text("maintenance_mode_reason"),
                row.flag("enable_distributed_database"), row.flag("cloud_bursting"),
                SshAccess.valueOf(row.text("enable_ssh")), row.optionalText("sip_tls_fqdn"),
                row.optionalNumber("tls_certificate"), row.integer("vm_cpu_count"), row.integer("vm_system_memory"),
                row.optionalInteger("media_priority_weight"));
    }

    /** The node's fully qualified domain name: host name and domain. */
    public String fqdn() {
        return hostname + "." + domain;
    }

    /** Whether SSH is on for the node, given the platform-wide settings it may follow. */
    public boolean sshEnabled(GlobalSettings global) {
        return enableSsh == SshAccess.GLOBAL ? global.enableSsh() : enableSsh == SshAccess.ON;
    }
}
