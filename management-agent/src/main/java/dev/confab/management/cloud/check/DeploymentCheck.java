package dev.confab.management.cloud.check;

import dev.confab.management.cloud.guide.ConfiguredNode;
import dev.confab.management.cloud.guide.InstanceTypeRules;
import dev.confab.management.cloud.guide.OverflowNodes;
import dev.confab.shared.net.Ipv4Netmask;
import dev.confab.shared.net.Ipv4Network;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compares an AWS deployment with the deployment guide and with what the Management Node has
 * configured: each Conferencing Node's instance (found by its private IP, else by its Name tag), its
 * {@code pexip-cloud} tag, tenancy, instance type, ENA and subnet; the Management Node's instance, which
 * must carry no overflow tag; instances tagged as overflow nodes that no node is configured for; and
 * the security groups of them all ({@link SecurityGroupCheck}). A clean deployment gives no finding.
 * Pure: the EC2 reading happens before, in {@code management.cloud}.
 */
public final class DeploymentCheck {

    private DeploymentCheck() {
    }

    /**
     * The findings, errors first.
     *
     * @param managementAddress the Management Node's address, to find its instance; empty when unknown
     * @param managementSubnet  the operators' management network, when the check should hold sources to it
     */
    public static List<Finding> check(Ec2Deployment ec2, List<ConfiguredNode> nodes, OverflowNodes overflow,
                                      Optional<String> managementAddress, Optional<Ipv4Network> managementSubnet) {
        List<Ec2Deployment.Instance> live = ec2.instances().stream()
                .filter(instance -> !instance.state().equals("terminated") && !instance.state().equals("shutting-down"))
                .toList();
        List<Finding> findings = new ArrayList<>();
        List<Ec2Deployment.Instance> platform = new ArrayList<>();
        Set<String> matched = new HashSet<>();
        for (ConfiguredNode node : nodes) {
            Optional<Ec2Deployment.Instance> instance = find(live, node, findings);
            instance.ifPresent(found -> {
                platform.add(found);
                matched.add(found.id());
                findings.addAll(InstanceCheck.check(ec2, node, found, overflow));
            });
        }
        managementAddress.ifPresent(address -> live.stream().filter(instance -> address.equals(instance.privateIp()))
                .findFirst().ifPresentOrElse(instance -> {
                    platform.add(instance);
                    matched.add(instance.id());
                    instance.tag(overflow.tagName()).ifPresent(value -> findings.add(Finding.error(instance.id(),
                            "The Management Node's instance carries the tag " + overflow.tagName() + "=" + value
                                    + ": bursting may stop the instances so tagged.",
                            "Remove the tag " + overflow.tagName() + " from the Management Node's instance.")));
                }, () -> findings.add(Finding.info(address, "No EC2 instance of this region has the Management"
                        + " Node's address " + address + ", so its security groups were not checked.",
                        "Nothing, if the Management Node runs elsewhere; else check the region in Global Settings."))));
        for (Ec2Deployment.Instance instance : live) {
            if (!matched.contains(instance.id()) && instance.tag(overflow.tagName())
                    .filter(overflow.tagValue()::equals).isPresent()) {
                findings.add(Finding.warning(instance.id(), "The instance carries " + overflow.tagName() + "="
                        + overflow.tagValue() + ", so bursting may start it, but no Conferencing Node is configured"
                        + " with its address " + instance.privateIp() + ".", "Add the node on the Management Node, or"
                        + " remove the tag (or the instance) if it is no longer part of the platform."));
            }
        }
        findings.addAll(SecurityGroupCheck.check(ec2, platform, managementSubnet));
        findings.sort((a, b) -> a.severity().compareTo(b.severity()));
        return findings;
    }

    /** The node's instance by its address; else one named after it, whose address then differs. */
    private static Optional<Ec2Deployment.Instance> find(List<Ec2Deployment.Instance> live, ConfiguredNode node,
                                                         List<Finding> findings) {
        Optional<Ec2Deployment.Instance> byAddress = live.stream()
                .filter(instance -> node.address().equals(instance.privateIp())).findFirst();
        if (byAddress.isPresent()) {
            return byAddress;
        }
        Optional<Ec2Deployment.Instance> byName = live.stream()
                .filter(instance -> instance.tag("Name").filter(node.name()::equals).isPresent()).findFirst();
        if (byName.isPresent()) {
            findings.add(Finding.error(byName.get().id(), "The instance named " + node.name() + " has the private IP "
                    + byName.get().privateIp() + ", but the node is configured with " + node.address() + ".",
                    "Launch the node's instance with the private IP " + node.address() + ", or change the node's"
                            + " address on the Management Node and deploy it again."));
            return byName;
        }
        findings.add(Finding.error(node.name(), "No EC2 instance has the address " + node.address() + " of"
                + " Conferencing Node " + node.name() + ", nor its name.", "Launch its instance (confab aws-template"
                + " writes it) with the private IP " + node.address() + ", in this region."));
        return Optional.empty();
    }

    /** The checks of one node's instance. */
    static final class InstanceCheck {

        private InstanceCheck() {
        }

        static List<Finding> check(Ec2Deployment ec2, ConfiguredNode node, Ec2Deployment.Instance instance,
                                   OverflowNodes overflow) {
            List<Finding> findings = new ArrayList<>();
            String resource = instance.id() + " (" + node.name() + ")";
            Optional<String> expected = overflow.expectedTag(node.location(), node.cloudBursting());
            Optional<String> actual = instance.tag(overflow.tagName());
            if (expected.isPresent() && actual.isEmpty()) {
                findings.add(Finding.error(resource, "Overflow node " + node.name() + " has no " + overflow.tagName()
                        + " tag, so bursting can neither start nor stop it.", "Tag the instance "
                        + overflow.tagName() + "=" + expected.get() + "."));
            } else if (expected.isPresent() && !expected.equals(actual)) {
                findings.add(Finding.error(resource, "Overflow node " + node.name() + " is tagged "
                        + overflow.tagName() + "=" + actual.get() + ", not this Management Node's " + expected.get()
                        + ", so bursting can neither start nor stop it.", "Set the tag " + overflow.tagName() + " to "
                        + expected.get() + "."));
            } else if (expected.isEmpty() && actual.isPresent()) {
                findings.add(Finding.error(resource, "Always-on node " + node.name() + " carries the tag "
                        + overflow.tagName() + "=" + actual.get() + ": bursting may stop it.", "Remove the tag "
                        + overflow.tagName() + " from the instance (or move the node to an overflow location)."));
            }
            if (!InstanceTypeRules.TENANCY.equals(instance.tenancy())) {
                findings.add(Finding.warning(resource, "The instance runs on " + instance.tenancy() + " tenancy; the"
                        + " guide runs Conferencing Nodes as dedicated instances.", "Launch the node's instance again with"
                        + " dedicated tenancy."));
            }
            Ec2Deployment.InstanceType type = ec2.instanceTypes().get(instance.instanceType());
            if (type == null) {
                findings.add(Finding.info(resource, "The instance type " + instance.instanceType() + " was not"
                        + " described, so its vCPUs and ENA were not checked.", "Nothing; check it by hand."));
                return findings;
            }
            InstanceTypeRules.sizeRefusal(type.name(), type.vcpus()).ifPresent(why ->
                    findings.add(Finding.error(resource, why, "Stop the instance, change its type to "
                            + InstanceTypeRules.RECOMMENDED_TYPE + " (or a smaller c5), and start it.")));
            if (!type.hasEna()) {
                findings.add(Finding.error(resource, type.name() + " has no ENA (Elastic Network Adapter), which the"
                        + " guide asks for.", "Move the node to a c5 type with ENA: docs/operations.md, \"Move to a c5"
                        + " instance with ENA\"."));
            } else if (!instance.enaSupport()) {
                findings.add(Finding.error(resource, "ENA is off for the instance, though " + type.name()
                        + " supports it.", "Stop the instance, run aws ec2 modify-instance-attribute --instance-id "
                        + instance.id() + " --ena-support, and start it."));
            }
            ec2.subnet(instance.subnetId()).flatMap(subnet -> SecurityGroupCheck.network(subnet.cidr()))
                    .ifPresent(subnet -> {
                        int prefix = Ipv4Netmask.parse(node.netmask()).prefixLength();
                        if (prefix != subnet.prefixLength() && prefix != Ipv4Netmask.MAX_PREFIX_LENGTH) {
                            findings.add(Finding.warning(resource, "Node " + node.name() + " is configured with"
                                    + " netmask " + node.netmask() + ", but its subnet " + instance.subnetId() + " is "
                                    + subnet + ".", "Set the node's netmask to " + subnet.netmask() + " on the"
                                    + " Management Node."));
                        }
                    });
            return findings;
        }
    }
}
