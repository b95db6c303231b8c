package dev.confab.management.cloud.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.confab.management.cloud.guide.InboundRule;
import dev.confab.management.cloud.guide.RuleSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link DeploymentPlan} as an AWS CloudFormation template in YAML: parameters for the VPC, the
 * management subnet, the node image, the key pair and each node subnet; the security group (rules from
 * a CIDR inline, rules from the group itself as their own resources, which may name the group); the
 * IAM user, or role and instance profile, with the bursting policy; one instance per node. Intrinsic
 * functions are written in their long form ({@code Ref}, {@code Fn::GetAtt}), which any YAML reader
 * reads. Stateless.
 */
public final class CloudFormationTemplate {

    static final String GROUP = "PlatformSecurityGroup";

    private CloudFormationTemplate() {
    }

    public static String render(DeploymentPlan plan) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put("Description", "Confab platform of Management Node " + plan.managementNode()
                + ": the deployment guide's security group, the bursting identity and "
                + plan.instances().size() + " Conferencing Node instance(s). Made by confab aws-template.");
        template.put("Parameters", parameters(plan));
        template.put("Resources", resources(plan));
        template.put("Outputs", outputs(plan));
        try {
            // every string quoted: YAML 1.1 readers would take a bare 2010-09-09 for a date
            return new ObjectMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES).build()).writeValueAsString(template);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a template of maps, lists, strings and numbers is always YAML", e);
        }
    }

    private static Map<String, Object> parameters(DeploymentPlan plan) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("VpcId", parameter("AWS::EC2::VPC::Id", "The VPC of the platform's nodes."));
        Map<String, Object> management = parameter("String", "The operators' management network (CIDR): the only"
                + " source of SSH, the provisioning page (8443) and ICMP.");
        management.put("AllowedPattern", TemplateText.CIDR_PATTERN);
        management.put("ConstraintDescription", "a CIDR block such as 10.0.0.0/24");
        parameters.put("ManagementSubnetCidr", management);
        if (!plan.instances().isEmpty()) {
            parameters.put("ConferencingNodeImageId", parameter("AWS::EC2::Image::Id", TemplateText.IMAGE));
            parameters.put("KeyName", parameter("AWS::EC2::KeyPair::KeyName", TemplateText.KEY));
        }
        for (DeploymentPlan.Subnet subnet : plan.subnets()) {
            parameters.put(subnetParameter(subnet), parameter("AWS::EC2::Subnet::Id", TemplateText.subnet(subnet)));
        }
        return parameters;
    }

    private static Map<String, Object> resources(DeploymentPlan plan) {
        Map<String, Object> resources = new LinkedHashMap<>();
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("GroupDescription", TemplateText.groupDescription(plan));
        group.put("VpcId", ref("VpcId"));
        List<Object> inline = new ArrayList<>();
        List<InboundRule> fromGroup = new ArrayList<>();
        for (InboundRule rule : plan.rules()) {
            if (rule.source() == RuleSource.GROUP) {
                fromGroup.add(rule);
            } else {
                Map<String, Object> permission = permission(rule);
                permission.put("CidrIp", rule.source() == RuleSource.ANYWHERE ? "0.0.0.0/0"
                        : ref("ManagementSubnetCidr"));
                inline.add(permission);
            }
        }
        group.put("SecurityGroupIngress", inline);
        group.put("SecurityGroupEgress", List.of(Map.of("IpProtocol", "-1", "CidrIp", "0.0.0.0/0",
                "Description", TemplateText.EGRESS)));
        group.put("Tags", List.of(tag("Name", TemplateNames.awsName(plan.managementNode(), "platform"))));
        resources.put(GROUP, resource("AWS::EC2::SecurityGroup", group));
        for (InboundRule rule : fromGroup) {
            Map<String, Object> permission = permission(rule);
            permission.put("GroupId", groupId());
            permission.put("SourceSecurityGroupId", groupId());
            resources.put(GROUP + TemplateNames.ruleLogicalId(rule), resource("AWS::EC2::SecurityGroupIngress",
                    permission));
        }
        identity(plan, resources);
        for (DeploymentPlan.Instance instance : plan.instances()) {
            resources.put(TemplateNames.logicalId(instance), resource("AWS::EC2::Instance", instance(plan, instance)));
        }
        return resources;
    }

    private static void identity(DeploymentPlan plan, Map<String, Object> resources) {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("PolicyName", TemplateNames.awsName(plan.managementNode(), "bursting"));
        policy.put("PolicyDocument", plan.policy());
        if (plan.identity() == IamIdentity.USER) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("UserName", TemplateNames.awsName(plan.managementNode(), "bursting"));
            user.put("Policies", List.of(policy));
            resources.put("BurstingUser", resource("AWS::IAM::User", user));
            return;
        }
        Map<String, Object> role = new LinkedHashMap<>();
        role.put("RoleName", TemplateNames.awsName(plan.managementNode(), "bursting"));
        role.put("AssumeRolePolicyDocument", TemplateText.ec2AssumeRole());
        role.put("Policies", List.of(policy));
        resources.put("BurstingRole", resource("AWS::IAM::Role", role));
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("InstanceProfileName", TemplateNames.awsName(plan.managementNode(), "management"));
        profile.put("Roles", List.of(ref("BurstingRole")));
        resources.put("BurstingInstanceProfile", resource("AWS::IAM::InstanceProfile", profile));
    }

    private static Map<String, Object> instance(DeploymentPlan plan, DeploymentPlan.Instance instance) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ImageId", ref("ConferencingNodeImageId"));
        properties.put("InstanceType", instance.instanceType());
        properties.put("KeyName", ref("KeyName"));
        properties.put("SubnetId", ref(subnetParameter(instance.subnet())));
        properties.put("PrivateIpAddress", instance.node().address());
        properties.put("SecurityGroupIds", List.of(groupId()));
        properties.put("Tenancy", plan.tenancy());
        properties.put("EbsOptimized", true);
        instance.userData().ifPresent(data -> properties.put("UserData", Map.of("Fn::Base64", data)));
        List<Object> tags = new ArrayList<>();
        tags.add(tag("Name", instance.node().name()));
        instance.overflowTag().ifPresent(value -> tags.add(tag(plan.tagName(), value)));
        properties.put("Tags", tags);
        return properties;
    }

    private static Map<String, Object> outputs(DeploymentPlan plan) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("SecurityGroupId", output("The platform's security group: give it to the Management Node's"
                + " instance too.", groupId()));
        if (plan.identity() == IamIdentity.USER) {
            outputs.put("BurstingUserName", output(TemplateText.USER_OUTPUT, ref("BurstingUser")));
        } else {
            outputs.put("BurstingInstanceProfile", output(TemplateText.PROFILE_OUTPUT, ref("BurstingInstanceProfile")));
        }
        for (DeploymentPlan.Instance instance : plan.instances()) {
            outputs.put(TemplateNames.logicalId(instance) + "InstanceId", output("Instance of Conferencing Node "
                    + instance.node().name() + ".", ref(TemplateNames.logicalId(instance))));
        }
        return outputs;
    }

    private static Map<String, Object> permission(InboundRule rule) {
        Map<String, Object> permission = new LinkedHashMap<>();
        permission.put("IpProtocol", rule.protocol().ec2Name());
        if (rule.protocol().hasPorts() || rule.fromPort() != 0) {
            permission.put("FromPort", rule.fromPort());
            permission.put("ToPort", rule.toPort());
        }
        permission.put("Description", TemplateText.ruleDescription(rule));
        return permission;
    }

    static String subnetParameter(DeploymentPlan.Subnet subnet) {
        return "Subnet" + subnet.name();
    }

    private static Map<String, Object> parameter(String type, String description) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("Type", type);
        parameter.put("Description", description);
        return parameter;
    }

    private static Map<String, Object> resource(String type, Map<String, Object> properties) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("Type", type);
        resource.put("Properties", properties);
        return resource;
    }

    private static Map<String, Object> output(String description, Object value) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("Description", description);
        output.put("Value", value);
        return output;
    }

    private static Map<String, Object> tag(String key, String value) {
        Map<String, Object> tag = new LinkedHashMap<>();
        tag.put("Key", key);
        tag.put("Value", value);
        return tag;
    }

    private static Map<String, Object> ref(String name) {
        return Map.of("Ref", name);
    }

    private static Map<String, Object> groupId() {
        return Map.of("Fn::GetAtt", List.of(GROUP, "GroupId"));
    }
}
