package dev.confab.management.cloud;

import dev.confab.management.cloud.check.Ec2Deployment;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The deployment check's read-only EC2 calls: every instance of the region (DescribeInstances, all
 * pages), then the security groups, instance types and subnets those instances use
 * (DescribeSecurityGroups, DescribeInstanceTypes, DescribeSubnets), each under {@link Retrying}.
 * Never writes anything to EC2.
 */
final class Ec2DeploymentReader {

    private Ec2DeploymentReader() {
    }

    /** A call that failed for good, and which it was. */
    static final class CallFailed extends RuntimeException {
        private final transient Ec2Action action;
        private final transient Retrying.Failed failed;

        CallFailed(Ec2Action action, Retrying.Failed failed) {
            super(action.action(), failed, false, false);
            this.action = action;
            this.failed = failed;
        }

        Ec2Action action() {
            return action;
        }

        Retrying.Failed failed() {
            return failed;
        }
    }

    /** @throws CallFailed when a call failed for good */
    static Ec2Deployment read(Ec2Client client, Retrying retrying) {
        List<Ec2Deployment.Instance> instances = new ArrayList<>();
        String nextToken = null;
        do {
            DescribeInstancesRequest request = DescribeInstancesRequest.builder().nextToken(nextToken).build();
            DescribeInstancesResponse page = call(retrying, Ec2Action.DESCRIBE_INSTANCES,
                    () -> client.describeInstances(request));
            for (Reservation reservation : page.reservations()) {
                reservation.instances().forEach(instance -> instances.add(instance(instance)));
            }
            nextToken = page.nextToken();
        } while (nextToken != null && !nextToken.isEmpty());
        Set<String> groupIds = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        Set<String> subnetIds = new LinkedHashSet<>();
        for (Ec2Deployment.Instance instance : instances) {
            groupIds.addAll(instance.securityGroupIds());
            types.add(instance.instanceType());
            if (!instance.subnetId().isEmpty()) {
                subnetIds.add(instance.subnetId());
            }
        }
        List<Ec2Deployment.SecurityGroup> groups = new ArrayList<>();
        if (!groupIds.isEmpty()) {
            call(retrying, Ec2Action.DESCRIBE_SECURITY_GROUPS, () -> client.describeSecurityGroups(request ->
                    request.groupIds(groupIds))).securityGroups().forEach(group -> groups.add(group(group)));
        }
        Map<String, Ec2Deployment.InstanceType> instanceTypes = new LinkedHashMap<>();
        if (!types.isEmpty()) {
            call(retrying, Ec2Action.DESCRIBE_INSTANCE_TYPES, () -> client.describeInstanceTypes(request ->
                    request.instanceTypesWithStrings(types))).instanceTypes()
                    .forEach(type -> instanceTypes.put(type.instanceTypeAsString(), type(type)));
        }
        List<Ec2Deployment.Subnet> subnets = new ArrayList<>();
        if (!subnetIds.isEmpty()) {
            call(retrying, Ec2Action.DESCRIBE_SUBNETS, () -> client.describeSubnets(request ->
                    request.subnetIds(subnetIds))).subnets().forEach(subnet -> subnets.add(subnet(subnet)));
        }
        return new Ec2Deployment(groups, instances, instanceTypes, subnets);
    }

    private static <T> T call(Retrying retrying, Ec2Action action, Supplier<T> call) {
        try {
            return retrying.call(action, call);
        } catch (Retrying.Failed failed) {
            throw new CallFailed(action, failed);
        }
    }

    private static Ec2Deployment.Instance instance(Instance instance) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag tag : instance.tags()) {
            tags.put(tag.key(), tag.value());
        }
        return new Ec2Deployment.Instance(instance.instanceId(),
                instance.state() == null ? "unknown" : instance.state().nameAsString(),
                instance.privateIpAddress() == null ? "" : instance.privateIpAddress(), instance.instanceTypeAsString(),
                instance.placement() == null || instance.placement().tenancyAsString() == null ? "default"
                        : instance.placement().tenancyAsString(),
                Boolean.TRUE.equals(instance.enaSupport()), tags,
                instance.securityGroups().stream().map(GroupIdentifier::groupId).toList(),
                instance.subnetId() == null ? "" : instance.subnetId());
    }

    private static Ec2Deployment.SecurityGroup group(SecurityGroup group) {
        List<Ec2Deployment.Permission> inbound = new ArrayList<>();
        for (IpPermission permission : group.ipPermissions()) {
            List<String> cidrs = new ArrayList<>(permission.ipRanges().stream().map(IpRange::cidrIp).toList());
            cidrs.addAll(permission.ipv6Ranges().stream().map(Ipv6Range::cidrIpv6).toList());
            inbound.add(new Ec2Deployment.Permission(permission.ipProtocol(),
                    permission.fromPort() == null ? -1 : permission.fromPort(),
                    permission.toPort() == null ? -1 : permission.toPort(), cidrs,
                    permission.userIdGroupPairs().stream().map(UserIdGroupPair::groupId).toList()));
        }
        return new Ec2Deployment.SecurityGroup(group.groupId(), group.groupName(), inbound);
    }

    private static Ec2Deployment.InstanceType type(InstanceTypeInfo type) {
        return new Ec2Deployment.InstanceType(type.instanceTypeAsString(),
                type.vCpuInfo() == null || type.vCpuInfo().defaultVCpus() == null ? 0 : type.vCpuInfo().defaultVCpus(),
                type.networkInfo() == null || type.networkInfo().enaSupportAsString() == null ? "unsupported"
                        : type.networkInfo().enaSupportAsString());
    }

    private static Ec2Deployment.Subnet subnet(Subnet subnet) {
        return new Ec2Deployment.Subnet(subnet.subnetId(), subnet.cidrBlock());
    }
}
