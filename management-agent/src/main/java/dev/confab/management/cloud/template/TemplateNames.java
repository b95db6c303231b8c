package dev.confab.management.cloud.template;

import dev.confab.management.cloud.guide.InboundRule;
import dev.confab.management.cloud.guide.IpProtocol;

import java.util.Locale;

/** Names of generated resources: CloudFormation logical ids and Terraform names, unique by the node's id. */
final class TemplateNames {

    private TemplateNames() {
    }

    /** {@code Node1DemoCn1} for node 1 named {@code demo-cn1}: letters and digits only. */
    static String logicalId(DeploymentPlan.Instance instance) {
        StringBuilder id = new StringBuilder("Node").append(instance.node().id());
        boolean upper = true;
        for (char c : instance.node().name().toCharArray()) {
            if (c < 128 && Character.isLetterOrDigit(c)) {
                id.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return id.toString();
    }

    /** {@code node_1_demo_cn1} for node 1 named {@code demo-cn1}. */
    static String terraformName(DeploymentPlan.Instance instance) {
        String name = instance.node().name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return "node_" + instance.node().id() + (name.isEmpty() ? "" : "_" + name);
    }

    /** {@code tcp_443}, {@code udp_40000_49999}, {@code esp}, {@code icmp}: a rule's name, from what it lets in. */
    static String ruleName(InboundRule rule) {
        String protocol = rule.protocol() == IpProtocol.ESP ? "esp" : rule.protocol().ec2Name();
        if (!rule.protocol().hasPorts()) {
            return protocol;
        }
        return protocol + "_" + rule.fromPort() + (rule.toPort() == rule.fromPort() ? "" : "_" + rule.toPort());
    }

    /** {@link #ruleName} in letters and digits: {@code Tcp443}, {@code Udp40000x49999}. */
    static String ruleLogicalId(InboundRule rule) {
        String name = ruleName(rule);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1).replace('_', 'x');
    }

    /** A name of IAM and EC2 resources: {@code confab-<management node>-<what>}, in IAM's characters. */
    static String awsName(String managementNode, String what) {
        String node = managementNode.replaceAll("[^A-Za-z0-9+=,.@_-]", "-");
        String name = "confab-" + node + "-" + what;
        return name.length() <= 64 ? name : name.substring(0, 64);
    }
}
