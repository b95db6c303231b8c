package dev.confab.shared.nodeconfig;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The contents of a Conferencing Node configuration file ({@code pexip-<hostname>.<domain>.xml}):
 * the node's settings, its location's DNS and NTP servers, where its Management Node is and which
 * CA it pins, the SSH password's hash and the single-use enrolment token. No private key, ever.
 *
 * <p>Optional text values are empty strings, never null. Immutable and thread-safe.
 */
public record NodeConfig(Node node, Location location, ManagementNode managementNode, String adminPasswordHash,
                         Enrolment enrolment) {

    /** The schema version this release writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    public NodeConfig {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(managementNode, "managementNode");
        Objects.requireNonNull(adminPasswordHash, "adminPasswordHash");
        Objects.requireNonNull(enrolment, "enrolment");
    }

    /** {@code pexip-<hostname>.<domain>.xml}, the name the guide gives the file. */
    public String fileName() {
        return "pexip-" + node.fqdn() + ".xml";
    }

    /**
     * The node's settings, as on the Add Conferencing Node form.
     *
     * @param role CONFERENCING (transcoding) or PROXYING (proxying edge)
     */
    public record Node(String name, String description, String role, String hostname, String domain,
                       String ipv4Address, String ipv4Netmask, String ipv4Gateway, String ipv6Address,
                       String ipv6Gateway, String staticNatAddress, String sipTlsFqdn, List<Route> staticRoutes,
                       boolean distributedDatabase, boolean sshEnabled) {

        public Node {
            staticRoutes = List.copyOf(staticRoutes);
        }

        public String fqdn() {
            return hostname + "." + domain;
        }
    }

    /** A static route: {@code address/prefix via gateway}. */
    public record Route(String name, String address, int prefix, String gateway) {
    }

    /** The node's system location: name, MTU, DNS and NTP servers (addresses or host names). */
    public record Location(String name, int mtu, List<String> dnsServers, List<String> ntpServers) {

        public Location {
            dnsServers = List.copyOf(dnsServers);
            ntpServers = List.copyOf(ntpServers);
        }
    }

    /** Where the node enrols: the Management Node's address, node-channel port and CA fingerprint. */
    public record ManagementNode(String address, int nodePort, String caFingerprintSha256) {
    }

    /** The single-use enrolment token (base64url, at least 128 bits) and its validity. */
    public record Enrolment(String token, Instant created, Instant expires) {

        @Override
        public String toString() {
            return "Enrolment[token=(hidden), created=" + created + ", expires=" + expires + "]";
        }
    }
}
