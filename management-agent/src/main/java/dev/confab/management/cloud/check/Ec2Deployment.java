package dev.confab.management.cloud.check;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the read-only EC2 calls return that the deployment check compares, in EC2's own terms:
 * security groups ({@code DescribeSecurityGroups}), instances ({@code DescribeInstances}), instance
 * types ({@code DescribeInstanceTypes}) and subnets ({@code DescribeSubnets}). Immutable.
 */
public record Ec2Deployment(List<SecurityGroup> securityGroups, List<Instance> instances,
                            Map<String, InstanceType> instanceTypes, List<Subnet> subnets) {

    public Ec2Deployment {
        securityGroups = List.copyOf(securityGroups);
        instances = List.copyOf(instances);
        instanceTypes = Map.copyOf(instanceTypes);
        subnets = List.copyOf(subnets);
    }

    /**
     * One inbound permission as EC2 holds it.
     *
     * @param protocol  {@code tcp}, {@code udp}, {@code icmp}, a protocol number, or {@code -1} for all
     * @param fromPort  first port (ICMP: type; -1 for all), ignored for protocols without ports
     * @param cidrs     IPv4 and IPv6 source ranges
     * @param groupIds  source security groups
     */
    public record Permission(String protocol, int fromPort, int toPort, List<String> cidrs, List<String> groupIds) {
        public Permission {
            cidrs = List.copyOf(cidrs);
            groupIds = List.copyOf(groupIds);
        }
    }

    public record SecurityGroup(String id, String name, List<Permission> inbound) {
        public SecurityGroup {
            inbound = List.copyOf(inbound);
        }
    }

    /**
     * An instance.
     *
     * @param state       {@code pending}, {@code running}, {@code stopped} …; terminated ones are not compared
     * @param tenancy     {@code default}, {@code dedicated} or {@code host}
     * @param enaSupport  whether ENA is turned on for the instance
     */
    public record Instance(String id, String state, String privateIp, String instanceType, String tenancy,
                           boolean enaSupport, Map<String, String> tags, List<String> securityGroupIds,
                           String subnetId) {
        public Instance {
            tags = Map.copyOf(tags);
            securityGroupIds = List.copyOf(securityGroupIds);
        }

        public Optional<String> tag(String key) {
            return Optional.ofNullable(tags.get(key));
        }
    }

    /**
     * An instance type.
     *
     * @param enaSupport {@code unsupported}, {@code supported} or {@code required}
     */
    public record InstanceType(String name, int vcpus, String enaSupport) {
        public boolean hasEna() {
            return !"unsupported".equals(enaSupport);
        }
    }

    public record Subnet(String id, String cidr) {
    }

    public Optional<SecurityGroup> group(String id) {
        return securityGroups.stream().filter(group -> group.id().equals(id)).findFirst();
    }

    public Optional<Subnet> subnet(String id) {
        return subnets.stream().filter(subnet -> subnet.id().equals(id)).findFirst();
    }
}
