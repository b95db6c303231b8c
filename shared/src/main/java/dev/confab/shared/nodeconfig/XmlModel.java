package dev.confab.shared.nodeconfig;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The JAXB binding of the XSD, element for element. Mutable and only used inside this package,
 * between the XML and the immutable {@link NodeConfig}; {@link XmlMapping} converts.
 */
final class XmlModel {

    static final String NAMESPACE = "urn:confab:node-configuration";
    static final String ROOT = "conferencingNodeConfiguration";

    private XmlModel() {
    }

    @XmlRootElement(name = ROOT)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"node", "location", "managementNode", "adminPasswordHash", "enrolment"})
    static final class Root {
        @XmlAttribute(required = true) int schemaVersion;
        @XmlElement(required = true) Node node;
        @XmlElement(required = true) Location location;
        @XmlElement(required = true) ManagementNode managementNode;
        @XmlElement(required = true) String adminPasswordHash;
        @XmlElement(required = true) Enrolment enrolment;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "node", propOrder = {"name", "description", "role", "hostname", "domain", "ipv4Address",
            "ipv4Netmask", "ipv4Gateway", "ipv6Address", "ipv6Gateway", "staticNatAddress", "sipTlsFqdn",
            "staticRoutes", "enableDistributedDatabase", "enableSsh"})
    static final class Node {
        String name;
        String description;
        String role;
        String hostname;
        String domain;
        String ipv4Address;
        String ipv4Netmask;
        String ipv4Gateway;
        String ipv6Address;
        String ipv6Gateway;
        String staticNatAddress;
        String sipTlsFqdn;
        @XmlElementWrapper(name = "staticRoutes", required = true)
        @XmlElement(name = "route")
        List<Route> staticRoutes = new ArrayList<>();
        boolean enableDistributedDatabase;
        boolean enableSsh;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "route")
    static final class Route {
        @XmlAttribute(required = true) String name;
        @XmlAttribute(required = true) String address;
        @XmlAttribute(required = true) int prefix;
        @XmlAttribute(required = true) String gateway;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "location", propOrder = {"name", "mtu", "dnsServer", "ntpServer"})
    static final class Location {
        String name;
        int mtu;
        List<String> dnsServer = new ArrayList<>();
        List<String> ntpServer = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "managementNode", propOrder = {"address", "nodePort", "caFingerprintSha256"})
    static final class ManagementNode {
        String address;
        int nodePort;
        String caFingerprintSha256;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "enrolment", propOrder = {"token", "created", "expires"})
    static final class Enrolment {
        String token;
        String created;
        String expires;
    }
}
