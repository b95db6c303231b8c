package dev.confab.management.cloud.check;

import dev.confab.management.cloud.check.Ec2Deployment.Instance;
import dev.confab.management.cloud.check.Ec2Deployment.InstanceType;
import dev.confab.management.cloud.check.Ec2Deployment.Permission;
import dev.confab.management.cloud.check.Ec2Deployment.SecurityGroup;
import dev.confab.management.cloud.check.Ec2Deployment.Subnet;
import dev.confab.management.cloud.guide.ConfiguredNode;
import dev.confab.management.cloud.guide.InboundRule;
import dev.confab.management.cloud.guide.OverflowNodes;
import dev.confab.management.cloud.guide.SecurityGroupRules;
import dev.confab.shared.net.Ipv4Address;
import dev.confab.shared.net.Ipv4Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deployment check, table-driven: the guide's deployment gives no finding; each row seeds one
 * fault into it and expects exactly the findings that fault makes.
 */
class DeploymentCheckTest {

    static final String GROUP = "sg-platform";
    static final String MANAGEMENT_SUBNET = "10.0.0.0/24";
    static final ConfiguredNode LON = new ConfiguredNode(1, "lon-1", "lon1", "10.0.1.11", "255.255.255.0", 1, false);
    static final ConfiguredNode BURST = new ConfiguredNode(2, "burst-1", "burst1", "10.0.2.21", "255.255.255.0", 2,
            false);
    static final OverflowNodes OVERFLOW = OverflowNodes.of(OverflowNodes.TAG_NAME, "mgr", List.of(2L));

    /** The guide's deployment: every rule as its table says, the nodes' instances as the guide launches them. */
    static Ec2Deployment clean() {
        List<Permission> inbound = new ArrayList<>();
        for (InboundRule rule : SecurityGroupRules.forTemplate(false)) {
            inbound.add(switch (rule.source()) {
                case ANYWHERE -> permission(rule, List.of("0.0.0.0/0"), List.of());
                case MANAGEMENT_SUBNET -> permission(rule, List.of(MANAGEMENT_SUBNET), List.of());
                case GROUP -> permission(rule, List.of(), List.of(GROUP));
            });
        }
        return new Ec2Deployment(List.of(new SecurityGroup(GROUP, "confab-mgr-platform", inbound)),
                List.of(instance("i-lon", "10.0.1.11", "subnet-a", Map.of("Name", "lon-1")),
                        instance("i-burst", "10.0.2.21", "subnet-b", Map.of("Name", "burst-1", "pexip-cloud", "mgr")),
                        instance("i-mgr", "10.0.0.10", "subnet-m", Map.of("Name", "mgr"))),
                Map.of("c5.2xlarge", new InstanceType("c5.2xlarge", 8, "required"),
                        "c5.9xlarge", new InstanceType("c5.9xlarge", 36, "required"),
                        "c4.2xlarge", new InstanceType("c4.2xlarge", 8, "unsupported")),
                List.of(new Subnet("subnet-a", "10.0.1.0/24"), new Subnet("subnet-b", "10.0.2.0/24"),
                        new Subnet("subnet-m", MANAGEMENT_SUBNET)));
    }

    @Test
    void findsNothingInTheGuidesDeployment() {
        assertEquals(List.of(), check(clean()));
    }

    @Test
    void findsNothingWhenOneRuleCoversTwoOfTheGuidesRanges() {
        Ec2Deployment merged = withPermissions(clean(), permissions -> {
            permissions.removeIf(p -> p.protocol().equals("tcp") && p.fromPort() >= 33000);
            permissions.add(new Permission("tcp", 33000, 49999, List.of("0.0.0.0/0"), List.of()));
        });

        assertEquals(List.of(), check(merged));
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                fault("SSH open to the world", group(p -> replace(p, "tcp", 22, List.of("0.0.0.0/0"), List.of())),
                        Severity.ERROR, GROUP, "TCP 22 from 0.0.0.0/0 is wider than the guide"),
                fault("the provisioning page missing", group(p -> remove(p, "tcp", 8443)),
                        Severity.ERROR, GROUP, "No inbound rule lets TCP 8443 from the management subnet in"),
                fault("IKE open to the world", group(p -> replace(p, "udp", 500, List.of("0.0.0.0/0"), List.of())),
                        Severity.ERROR, GROUP, "UDP 500 from 0.0.0.0/0 is wider than the guide"),
                fault("ESP missing", group(p -> remove(p, "50", 0)),
                        Severity.ERROR, GROUP, "No inbound rule lets ESP (IP protocol 50) from the security group"),
                fault("the node channel missing", group(p -> remove(p, "tcp", 9443)),
                        Severity.ERROR, GROUP, "No inbound rule lets TCP 9443"),
                fault("all traffic from anywhere", group(p -> p.add(new Permission("-1", -1, -1, List.of("0.0.0.0/0"),
                        List.of()))), Severity.ERROR, GROUP, "All traffic is let in from 0.0.0.0/0"),
                fault("a port the guide does not list", group(p -> p.add(new Permission("tcp", 3306, 3306,
                        List.of("10.0.0.0/8"), List.of()))), Severity.WARNING, GROUP, "TCP 3306, which the guide's"),
                fault("overflow node without its tag", instances("i-burst", i -> tags(i, Map.of("Name", "burst-1"))),
                        Severity.ERROR, "i-burst", "has no pexip-cloud tag"),
                fault("overflow node with another value", instances("i-burst", i -> tags(i, Map.of("Name", "burst-1",
                        "pexip-cloud", "other"))), Severity.ERROR, "i-burst", "is tagged pexip-cloud=other"),
                fault("always-on node tagged", instances("i-lon", i -> tags(i, Map.of("Name", "lon-1", "pexip-cloud",
                        "mgr"))), Severity.ERROR, "i-lon", "bursting may stop it"),
                fault("management instance tagged", instances("i-mgr", i -> tags(i, Map.of("pexip-cloud", "mgr"))),
                        Severity.ERROR, "i-mgr", "The Management Node's instance carries the tag"),
                fault("default tenancy", instances("i-lon", i -> new Instance(i.id(), i.state(), i.privateIp(),
                        i.instanceType(), "default", true, i.tags(), i.securityGroupIds(), i.subnetId())),
                        Severity.WARNING, "i-lon", "runs on default tenancy"),
                fault("a c5 of 36 vCPUs", instances("i-lon", i -> type(i, "c5.9xlarge", true)),
                        Severity.ERROR, "i-lon", "c5.9xlarge has 36 vCPUs"),
                fault("a type without ENA", instances("i-lon", i -> type(i, "c4.2xlarge", false)),
                        Severity.ERROR, "i-lon", "c4.2xlarge has no ENA"),
                fault("ENA off", instances("i-lon", i -> type(i, "c5.2xlarge", false)),
                        Severity.ERROR, "i-lon", "ENA is off for the instance"),
                fault("another private IP", instances("i-lon", i -> new Instance(i.id(), i.state(), "10.0.1.99",
                        i.instanceType(), i.tenancy(), true, i.tags(), i.securityGroupIds(), i.subnetId())),
                        Severity.ERROR, "i-lon", "has the private IP 10.0.1.99, but the node is configured with"),
                fault("no instance", ec2 -> new Ec2Deployment(ec2.securityGroups(), ec2.instances().stream()
                                .filter(i -> !i.id().equals("i-burst")).toList(), ec2.instanceTypes(), ec2.subnets()),
                        Severity.ERROR, "burst-1", "No EC2 instance has the address 10.0.2.21"),
                fault("a terminated instance is none", instances("i-burst", i -> new Instance(i.id(), "terminated",
                                i.privateIp(), i.instanceType(), i.tenancy(), true, i.tags(), i.securityGroupIds(),
                                i.subnetId())),
                        Severity.ERROR, "burst-1", "No EC2 instance has the address 10.0.2.21"),
                fault("a tagged instance of no node", ec2 -> {
                    List<Instance> instances = new ArrayList<>(ec2.instances());
                    instances.add(instance("i-stray", "10.0.2.99", "subnet-b", Map.of("pexip-cloud", "mgr")));
                    return new Ec2Deployment(ec2.securityGroups(), instances, ec2.instanceTypes(), ec2.subnets());
                }, Severity.WARNING, "i-stray", "no Conferencing Node is configured with its address 10.0.2.99"),
                fault("a netmask other than the subnet's", ec2 -> new Ec2Deployment(ec2.securityGroups(),
                                ec2.instances(), ec2.instanceTypes(), List.of(new Subnet("subnet-a", "10.0.0.0/20"),
                                new Subnet("subnet-b", "10.0.2.0/24"), new Subnet("subnet-m", MANAGEMENT_SUBNET))),
                        Severity.WARNING, "i-lon", "is configured with netmask 255.255.255.0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void findsEachSeededFault(String fault, UnaryOperator<Ec2Deployment> seed, Severity severity, String resource,
                              String problem) {
        List<Finding> findings = check(seed.apply(clean()));

        assertEquals(1, findings.size(), findings.toString());
        Finding finding = findings.get(0);
        assertEquals(severity, finding.severity(), finding.toString());
        assertTrue(finding.resource().contains(resource), finding.toString());
        assertTrue(finding.problem().contains(problem), finding.toString());
        assertTrue(!finding.fix().isBlank(), "every finding says how to fix it");
    }

    @Test
    void findsSshFromOutsideTheManagementSubnetBothMissingAndMisplaced() {
        List<Finding> findings = check(group(p -> replace(p, "tcp", 22, List.of("192.168.0.0/24"), List.of()))
                .apply(clean()));

        assertEquals(2, findings.size(), findings.toString());
        assertTrue(findings.get(0).problem().startsWith("No inbound rule lets TCP 22"), findings.toString());
        assertTrue(findings.get(1).problem().contains("from outside the management subnet 10.0.0.0/24"),
                findings.toString());
    }

    @Test
    void listsErrorsFirst() {
        Ec2Deployment two = withPermissions(instances("i-lon", i -> new Instance(i.id(), i.state(), i.privateIp(),
                i.instanceType(), "default", true, i.tags(), i.securityGroupIds(), i.subnetId())).apply(clean()),
                permissions -> remove(permissions, "50", 0));

        List<Finding> findings = check(two);

        assertEquals(List.of(Severity.ERROR, Severity.WARNING), findings.stream().map(Finding::severity).toList());
    }

    private static List<Finding> check(Ec2Deployment ec2) {
        return DeploymentCheck.check(ec2, List.of(LON, BURST), OVERFLOW, Optional.of("10.0.0.10"),
                Optional.of(Ipv4Network.of(Ipv4Address.parse("10.0.0.0"), 24)));
    }

    private static Arguments fault(String name, UnaryOperator<Ec2Deployment> seed, Severity severity, String resource,
                                   String problem) {
        return Arguments.of(name, seed, severity, resource, problem);
    }

    private static Permission permission(InboundRule rule, List<String> cidrs, List<String> groups) {
        return new Permission(rule.protocol().ec2Name(), rule.fromPort(), rule.toPort(), cidrs, groups);
    }

    private static Instance instance(String id, String ip, String subnet, Map<String, String> tags) {
        return new Instance(id, "running", ip, "c5.2xlarge", "dedicated", true, tags, List.of(GROUP), subnet);
    }

    private static Instance tags(Instance i, Map<String, String> tags) {
        return new Instance(i.id(), i.state(), i.privateIp(), i.instanceType(), i.tenancy(), i.enaSupport(), tags,
                i.securityGroupIds(), i.subnetId());
    }

    private static Instance type(Instance i, String type, boolean ena) {
        return new Instance(i.id(), i.state(), i.privateIp(), type, i.tenancy(), ena, i.tags(), i.securityGroupIds(),
                i.subnetId());
    }

    private interface PermissionEdit {
        void apply(List<Permission> permissions);
    }

    private static UnaryOperator<Ec2Deployment> group(PermissionEdit edit) {
        return ec2 -> withPermissions(ec2, edit);
    }

    private static Ec2Deployment withPermissions(Ec2Deployment ec2, PermissionEdit edit) {
        List<Permission> permissions = new ArrayList<>(ec2.securityGroups().get(0).inbound());
        edit.apply(permissions);
        return new Ec2Deployment(List.of(new SecurityGroup(GROUP, "confab-mgr-platform", permissions)),
                ec2.instances(), ec2.instanceTypes(), ec2.subnets());
    }

    private static UnaryOperator<Ec2Deployment> instances(String id, UnaryOperator<Instance> change) {
        return ec2 -> new Ec2Deployment(ec2.securityGroups(), ec2.instances().stream()
                .map(i -> i.id().equals(id) ? change.apply(i) : i).toList(), ec2.instanceTypes(), ec2.subnets());
    }

    private static void remove(List<Permission> permissions, String protocol, int port) {
        permissions.removeIf(p -> p.protocol().equals(protocol) && p.fromPort() == port);
    }

    private static void replace(List<Permission> permissions, String protocol, int port, List<String> cidrs,
                                List<String> groups) {
        Permission old = permissions.stream().filter(p -> p.protocol().equals(protocol) && p.fromPort() == port)
                .findFirst().orElseThrow();
        permissions.set(permissions.indexOf(old), new Permission(protocol, old.fromPort(), old.toPort(), cidrs, groups));
    }
}
