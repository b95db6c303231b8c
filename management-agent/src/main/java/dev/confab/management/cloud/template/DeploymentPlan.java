package dev.confab.management.cloud.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.cloud.guide.ConfiguredNode;
import dev.confab.management.cloud.guide.InboundRule;
import dev.confab.management.cloud.guide.InstanceTypeRules;
import dev.confab.management.cloud.guide.OverflowNodes;
import dev.confab.management.cloud.guide.SecurityGroupRules;
import dev.confab.management.cloud.IamPolicy;
import dev.confab.shared.net.Ipv4Address;
import dev.confab.shared.net.Ipv4Netmask;
import dev.confab.shared.net.Ipv4Network;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a generated deployment holds, whatever its format: the security group's rules, the IAM
 * identity with the bursting policy, one subnet parameter per network the nodes live in, and one
 * instance per Conferencing Node. Made by {@link #of}, which checks every choice against the guide
 * first, so a plan that exists is one the guide accepts. Immutable.
 *
 * @param tagName        the tag key of overflow instances ({@code pexip-cloud})
 * @param managementNode the Management Node's tag value, which also names the generated resources
 */
public record DeploymentPlan(String tagName, String managementNode, List<InboundRule> rules, List<Subnet> subnets,
                             List<Instance> instances, IamIdentity identity, String tenancy) {

    /** EC2 takes at most 16 KB of user data. */
    static final int USER_DATA_LIMIT = 16 * 1024;

    /** A network the nodes live in, whose subnet a template parameter names. */
    public record Subnet(String cidr, List<String> nodeNames) {
        public Subnet {
            nodeNames = List.copyOf(nodeNames);
        }

        /** The parameter's name in letters and digits, from the network, so that it stays as nodes come and go. */
        public String name() {
            return cidr.replaceAll("[./]", "x");
        }
    }

    /**
     * One node's instance; the node's id names its resources, so that they keep their names as nodes come and go.
     *
     * @param overflowTag the {@code pexip-cloud} value, for overflow nodes only
     * @param userData    {@code {"conferencing_node_config": "<file>"}}, when the node's file was made for it
     */
    public record Instance(ConfiguredNode node, String instanceType, Subnet subnet,
                           Optional<String> overflowTag, Optional<String> userData) {
    }

    public DeploymentPlan {
        rules = List.copyOf(rules);
        subnets = List.copyOf(subnets);
        instances = List.copyOf(instances);
    }

    /**
     * The plan for {@code nodes}, with {@code configurationFiles} (by node id) in their user data.
     *
     * @throws TemplateException listing every choice the guide does not accept
     */
    public static DeploymentPlan of(List<ConfiguredNode> nodes, OverflowNodes overflow, TemplateOptions options,
                                    Map<Long, String> configurationFiles) {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        nodes.forEach(node -> names.add(node.name()));
        options.instanceTypes().keySet().stream().filter(name -> !names.contains(name)).sorted().forEach(name ->
                problems.add("There is no Conferencing Node named " + name + " to give an instance type: name one of "
                        + names.stream().sorted().toList() + "."));
        if (!options.tenancy().equals("dedicated") && !options.tenancy().equals("default")) {
            problems.add("Tenancy " + options.tenancy() + " is not one of dedicated (the guide's) or default.");
        }
        Map<String, List<ConfiguredNode>> byNetwork = new LinkedHashMap<>();
        for (ConfiguredNode node : nodes) {
            byNetwork.computeIfAbsent(network(node), cidr -> new ArrayList<>()).add(node);
        }
        List<Subnet> subnets = new ArrayList<>();
        Map<String, Subnet> subnetOf = new LinkedHashMap<>();
        byNetwork.forEach((cidr, members) -> {
            Subnet subnet = new Subnet(cidr, members.stream().map(ConfiguredNode::name).toList());
            subnets.add(subnet);
            subnetOf.put(cidr, subnet);
        });
        List<Instance> instances = new ArrayList<>();
        for (ConfiguredNode node : nodes) {
            String type = options.instanceTypeOf(node.name());
            instanceTypeProblem(node.name(), type).ifPresent(problems::add);
            Optional<String> userData = Optional.ofNullable(configurationFiles.get(node.id())).map(DeploymentPlan::userData);
            userData.filter(data -> data.getBytes(StandardCharsets.UTF_8).length > USER_DATA_LIMIT).ifPresent(data ->
                    problems.add("The configuration file of " + node.name() + " makes " + data.length()
                            + " bytes of user data, more than EC2's " + USER_DATA_LIMIT + ": upload it on the node's"
                            + " port 8443 instead (leave out --include-node-config)."));
            instances.add(new Instance(node, type, subnetOf.get(network(node)),
                    overflow.expectedTag(node.location(), node.cloudBursting()), userData));
        }
        if (!problems.isEmpty()) {
            throw new TemplateException("The template was not made:\n  " + String.join("\n  ", problems));
        }
        return new DeploymentPlan(overflow.tagName(), overflow.tagValue(),
                SecurityGroupRules.forTemplate(options.sipOverUdp()), subnets, instances, options.identity(),
                options.tenancy());
    }

    /** The IAM policy of the bursting identity, as maps and lists. */
    public Map<String, Object> policy() {
        return IamPolicy.policy(managementNode);
    }

    /** The same as JSON text. */
    public String policyJson() {
        return IamPolicy.document(managementNode);
    }

    private static Optional<String> instanceTypeProblem(String node, String type) {
        if (!InstanceTypeRules.isWellFormed(type)) {
            return Optional.of(node + ": " + type + " is not an EC2 instance type such as "
                    + InstanceTypeRules.RECOMMENDED_TYPE + ".");
        }
        if (InstanceTypeRules.lacksEnaByName(type)) {
            return Optional.of(node + ": " + type + " has no ENA (Elastic Network Adapter), which the guide asks"
                    + " for: use a c5 type such as " + InstanceTypeRules.RECOMMENDED_TYPE + ".");
        }
        OptionalInt vcpus = InstanceTypeRules.vcpusByName(type);
        if (vcpus.isEmpty() && InstanceTypeRules.isC4OrC5(type)) {
            return Optional.of(node + ": the vCPUs of " + type + " cannot be told from its name; choose a c5 size"
                    + " such as " + InstanceTypeRules.RECOMMENDED_TYPE + ".");
        }
        return vcpus.isPresent() ? InstanceTypeRules.sizeRefusal(type, vcpus.getAsInt()).map(why -> node + ": " + why)
                : Optional.empty();
    }

    private static String network(ConfiguredNode node) {
        return Ipv4Network.of(Ipv4Address.parse(node.address()), Ipv4Netmask.parse(node.netmask()).prefixLength())
                .toString();
    }

    /** The user data a node reads at first boot: its configuration file under {@code conferencing_node_config}. */
    static String userData(String configurationFile) {
        try {
            return new ObjectMapper().writeValueAsString(Map.of("conferencing_node_config", configurationFile));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of one string is always JSON", e);
        }
    }
}
