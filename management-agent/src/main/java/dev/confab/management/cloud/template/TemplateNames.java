package dev.confab.management.cloud.template;

import java.util.Locale;

/** Names of generated resources: CloudFormation logical ids and Terraform names, unique by the node's number. */
final class TemplateNames {

    private TemplateNames() {
    }

    /** {@code Node1DemoCn1} for node 1 named {@code demo-cn1}: letters and digits only. */
    static String logicalId(DeploymentPlan.Instance instance) {
        StringBuilder id = new StringBuilder("Node").append(instance.number());
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
        return "node_" + instance.number() + (name.isEmpty() ? "" : "_" + name);
    }

    /** A name of IAM and EC2 resources: {@code confab-<management node>-<what>}, in IAM's characters. */
    static String awsName(String managementNode, String what) {
        String node = managementNode.replaceAll("[^A-Za-z0-9+=,.@_-]", "-");
        String name = "confab-" + node + "-" + what;
        return name.length() <= 64 ? name : name.substring(0, 64);
    }
}
