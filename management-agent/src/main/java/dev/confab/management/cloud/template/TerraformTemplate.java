package dev.confab.management.cloud.template;

import dev.confab.management.cloud.guide.InboundRule;
import dev.confab.management.cloud.guide.RuleSource;
import dev.confab.management.cloud.template.Hcl.Block;
import dev.confab.management.cloud.template.Hcl.Expression;
import dev.confab.management.cloud.template.Hcl.Heredoc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link DeploymentPlan} as Terraform configuration (HCL) for the {@code hashicorp/aws} provider: the
 * same variables, security group (one {@code aws_vpc_security_group_ingress_rule} per rule), IAM identity
 * and instances as {@link CloudFormationTemplate}, with the policy and each node's user data as heredoc
 * JSON. Stateless.
 */
public final class TerraformTemplate {

    private static final Expression GROUP_ID = new Expression("aws_security_group.platform.id");

    private TerraformTemplate() {
    }

    public static String render(DeploymentPlan plan) {
        List<Block> blocks = new ArrayList<>();
        Map<String, Object> aws = new LinkedHashMap<>();
        aws.put("source", "hashicorp/aws");
        aws.put("version", ">= 5.0");
        blocks.add(Block.of("terraform").add(Block.of("required_providers").set("aws", aws)));
        blocks.add(variable("vpc_id", "The VPC of the platform's nodes."));
        blocks.add(variable("management_subnet_cidr", "The operators' management network (CIDR): the only source"
                + " of SSH, the provisioning page (8443) and ICMP.")
                .add(Block.of("validation")
                        .set("condition", new Expression("can(regex(" + Hcl.string(TemplateText.CIDR_PATTERN)
                                + ", var.management_subnet_cidr))"))
                        .set("error_message", "Give a CIDR block such as 10.0.0.0/24.")));
        if (!plan.instances().isEmpty()) {
            blocks.add(variable("conferencing_node_ami", TemplateText.IMAGE));
            blocks.add(variable("key_name", TemplateText.KEY));
        }
        plan.subnets().forEach(subnet -> blocks.add(variable(subnetVariable(subnet), TemplateText.subnet(subnet))));
        blocks.add(Block.of("resource", "aws_security_group", "platform")
                .set("name", TemplateNames.awsName(plan.managementNode(), "platform"))
                .set("description", TemplateText.groupDescription(plan))
                .set("vpc_id", new Expression("var.vpc_id"))
                .set("tags", Map.of("Name", TemplateNames.awsName(plan.managementNode(), "platform"))));
        plan.rules().forEach(rule -> blocks.add(ingress(rule)));
        blocks.add(Block.of("resource", "aws_vpc_security_group_egress_rule", "platform_all")
                .set("security_group_id", GROUP_ID).set("ip_protocol", "-1").set("cidr_ipv4", "0.0.0.0/0")
                .set("description", TemplateText.EGRESS));
        identity(plan, blocks);
        plan.instances().forEach(instance -> blocks.add(instance(plan, instance)));
        outputs(plan, blocks);
        return Hcl.write("Confab platform of Management Node " + plan.managementNode() + ": the deployment guide's"
                + " security group,\nthe bursting identity and " + plan.instances().size()
                + " Conferencing Node instance(s). Made by confab aws-template.", blocks);
    }

    private static Block ingress(InboundRule rule) {
        Block block = Block.of("resource", "aws_vpc_security_group_ingress_rule", TemplateNames.ruleName(rule))
                .set("security_group_id", GROUP_ID)
                .set("description", TemplateText.ruleDescription(rule))
                .set("ip_protocol", rule.protocol().ec2Name());
        if (rule.protocol().hasPorts() || rule.fromPort() != 0) {
            block.set("from_port", rule.fromPort()).set("to_port", rule.toPort());
        }
        switch (rule.source()) {
            case ANYWHERE -> block.set("cidr_ipv4", "0.0.0.0/0");
            case MANAGEMENT_SUBNET -> block.set("cidr_ipv4", new Expression("var.management_subnet_cidr"));
            case GROUP -> block.set("referenced_security_group_id", GROUP_ID);
            default -> throw new IllegalStateException("source " + rule.source());
        }
        return block;
    }

    private static void identity(DeploymentPlan plan, List<Block> blocks) {
        String name = TemplateNames.awsName(plan.managementNode(), "bursting");
        Heredoc policy = new Heredoc(plan.policyJson());
        if (plan.identity() == IamIdentity.USER) {
            blocks.add(Block.of("resource", "aws_iam_user", "bursting").set("name", name));
            blocks.add(Block.of("resource", "aws_iam_user_policy", "bursting").set("name", name)
                    .set("user", new Expression("aws_iam_user.bursting.name")).set("policy", policy));
            return;
        }
        blocks.add(Block.of("resource", "aws_iam_role", "bursting").set("name", name)
                .set("assume_role_policy", new Heredoc(TemplateText.ec2AssumeRoleJson())));
        blocks.add(Block.of("resource", "aws_iam_role_policy", "bursting").set("name", name)
                .set("role", new Expression("aws_iam_role.bursting.id")).set("policy", policy));
        blocks.add(Block.of("resource", "aws_iam_instance_profile", "management")
                .set("name", TemplateNames.awsName(plan.managementNode(), "management"))
                .set("role", new Expression("aws_iam_role.bursting.name")));
    }

    private static Block instance(DeploymentPlan plan, DeploymentPlan.Instance instance) {
        Block block = Block.of("resource", "aws_instance", TemplateNames.terraformName(instance))
                .set("ami", new Expression("var.conferencing_node_ami"))
                .set("instance_type", instance.instanceType())
                .set("key_name", new Expression("var.key_name"))
                .set("subnet_id", new Expression("var." + subnetVariable(instance.subnet())))
                .set("private_ip", instance.node().address())
                .set("vpc_security_group_ids", List.of(GROUP_ID))
                .set("tenancy", plan.tenancy())
                .set("ebs_optimized", true);
        instance.userData().ifPresent(data -> block.set("user_data", new Heredoc(data)));
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put("Name", instance.node().name());
        instance.overflowTag().ifPresent(value -> tags.put(plan.tagName(), value));
        return block.set("tags", tags);
    }

    private static void outputs(DeploymentPlan plan, List<Block> blocks) {
        blocks.add(output("security_group_id", "The platform's security group: give it to the Management Node's"
                + " instance too.", GROUP_ID));
        if (plan.identity() == IamIdentity.USER) {
            blocks.add(output("bursting_user_name", TemplateText.USER_OUTPUT,
                    new Expression("aws_iam_user.bursting.name")));
        } else {
            blocks.add(output("bursting_instance_profile", TemplateText.PROFILE_OUTPUT,
                    new Expression("aws_iam_instance_profile.management.name")));
        }
        for (DeploymentPlan.Instance instance : plan.instances()) {
            String name = TemplateNames.terraformName(instance);
            blocks.add(output(name + "_instance_id", "Instance of Conferencing Node " + instance.node().name() + ".",
                    new Expression("aws_instance." + name + ".id")));
        }
    }

    static String subnetVariable(DeploymentPlan.Subnet subnet) {
        return "subnet_" + subnet.cidr().replaceAll("[./]", "_");
    }

    private static Block variable(String name, String description) {
        return Block.of("variable", name).set("type", new Expression("string")).set("description", description);
    }

    private static Block output(String name, String description, Expression value) {
        return Block.of("output", name).set("description", description).set("value", value);
    }
}
