package dev.confab.localcloud.ec2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the endpoint knows around its instances, for DescribeSecurityGroups, DescribeSubnets and
 * DescribeInstanceTypes, and each instance's placement as DescribeInstances shows it (tenancy, ENA,
 * security groups, subnet). Groups and subnets are declared by the test or demo; instance types
 * come with the c4, c5 and m5 types the deployment guide speaks of, and more may be declared.
 * Thread-safe.
 */
public final class Ec2Network {

    /** One inbound permission: protocol ({@code tcp}, {@code udp}, {@code icmp}, a number, {@code -1}), ports, sources. */
    public record Permission(String protocol, int fromPort, int toPort, List<String> cidrs, List<String> groupIds) {
        public Permission {
            cidrs = List.copyOf(cidrs);
            groupIds = List.copyOf(groupIds);
        }
    }

    public record SecurityGroup(String id, String name, String vpcId, List<Permission> inbound) {
        public SecurityGroup {
            inbound = List.copyOf(inbound);
        }
    }

    public record Subnet(String id, String vpcId, String cidr) {
    }

    /** An instance type: its default vCPUs and its ENA support ({@code unsupported}, {@code supported}, {@code required}). */
    public record InstanceType(String name, int vcpus, String enaSupport) {
    }

    /** Where an instance runs: tenancy ({@code default}, {@code dedicated}), ENA on or off, groups, subnet. */
    public record Placement(String tenancy, boolean enaSupport, List<String> groupIds, String subnetId) {
        public Placement {
            groupIds = List.copyOf(groupIds);
        }
    }

    /** An instance nobody placed: default tenancy, ENA on, no group, no subnet. */
    public static final Placement UNPLACED = new Placement("default", true, List.of(), "");

    private final Map<String, SecurityGroup> groups = new LinkedHashMap<>();
    private final Map<String, Subnet> subnets = new LinkedHashMap<>();
    private final Map<String, InstanceType> types = new LinkedHashMap<>();
    private final Map<String, Placement> placements = new LinkedHashMap<>();

    Ec2Network() {
        int[] c4 = {2, 4, 8, 16, 36};
        String[] c4Sizes = {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge"};
        for (int i = 0; i < c4.length; i++) {
            declare(new InstanceType("c4." + c4Sizes[i], c4[i], "unsupported"));
        }
        int[] c5 = {2, 4, 8, 16, 36, 48, 72, 96};
        String[] c5Sizes = {"large", "xlarge", "2xlarge", "4xlarge", "9xlarge", "12xlarge", "18xlarge", "24xlarge"};
        for (int i = 0; i < c5.length; i++) {
            declare(new InstanceType("c5." + c5Sizes[i], c5[i], "required"));
        }
        declare(new InstanceType("m5.large", 2, "required"));
        declare(new InstanceType("m5.xlarge", 4, "required"));
        declare(new InstanceType("m5.2xlarge", 8, "required"));
    }

    /** Adds or replaces a security group. */
    public synchronized void declare(SecurityGroup group) {
        groups.put(group.id(), group);
    }

    /** Adds or replaces a subnet. */
    public synchronized void declare(Subnet subnet) {
        subnets.put(subnet.id(), subnet);
    }

    /** Adds or replaces an instance type. */
    public synchronized void declare(InstanceType type) {
        types.put(type.name(), type);
    }

    /** Places instance {@code instanceId}: what DescribeInstances shows of its tenancy, ENA, groups and subnet. */
    public synchronized void place(String instanceId, Placement placement) {
        placements.put(instanceId, placement);
    }

    synchronized Placement placement(String instanceId) {
        return placements.getOrDefault(instanceId, UNPLACED);
    }

    /** The groups named, or all; an unknown id is EC2's InvalidGroup.NotFound. */
    synchronized List<SecurityGroup> groups(List<String> ids) {
        return pick(groups, ids, "InvalidGroup.NotFound", "The security group '%s' does not exist");
    }

    /** The subnets named, or all; an unknown id is EC2's InvalidSubnetID.NotFound. */
    synchronized List<Subnet> subnets(List<String> ids) {
        return pick(subnets, ids, "InvalidSubnetID.NotFound", "The subnet ID '%s' does not exist");
    }

    /** The instance types named, or all; an unknown name is EC2's InvalidInstanceType. */
    synchronized List<InstanceType> types(List<String> names) {
        return pick(types, names, "InvalidInstanceType", "The following supplied instance types do not exist: [%s]");
    }

    private static <T> List<T> pick(Map<String, T> known, List<String> ids, String code, String message) {
        if (ids.isEmpty()) {
            return List.copyOf(known.values());
        }
        List<T> picked = new ArrayList<>();
        for (String id : ids) {
            T item = known.get(id);
            if (item == null) {
                throw new Ec2Error(code, 400, String.format(message, id));
            }
            picked.add(item);
        }
        return picked;
    }
}
