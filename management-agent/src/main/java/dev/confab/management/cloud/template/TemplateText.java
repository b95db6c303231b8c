package dev.confab.management.cloud.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.confab.management.cloud.guide.InboundRule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The words both template formats use, so that CloudFormation and Terraform say the same. */
final class TemplateText {

    /** A CIDR block: four octets and a prefix length. */
    static final String CIDR_PATTERN = "^([0-9]{1,3}\\.){3}[0-9]{1,3}/[0-9]{1,2}$";
    static final String IMAGE = "The Confab Conferencing Node image (AMI), with ENA support.";
    static final String KEY = "The EC2 key pair for SSH to the nodes as admin.";
    static final String EGRESS = "All traffic out, as the deployment guide has it";
    static final String USER_OUTPUT = "The IAM user for bursting: create its access key in IAM and enter it in"
            + " Platform > Global Settings (aws_access_key, aws_secret_key).";
    static final String PROFILE_OUTPUT = "The instance profile for bursting: attach it to the Management Node's"
            + " instance and turn on aws_instance_role in Platform > Global Settings.";
    /** What EC2 lets a security group's and a rule's description hold. */
    private static final String EC2_DESCRIPTION_CHARACTERS = "[^A-Za-z0-9. _\\-:/()#,@\\[\\]+=&;{}!$*]";
    private static final int EC2_DESCRIPTION_LIMIT = 255;

    private TemplateText() {
    }

    static String subnet(DeploymentPlan.Subnet subnet) {
        return "The subnet of " + subnet.cidr() + ", for Conferencing Node(s) " + String.join(", ", subnet.nodeNames())
                + ".";
    }

    static String groupDescription(DeploymentPlan plan) {
        return ec2Description("Confab platform of " + plan.managementNode()
                + ": the Management Node and every Conferencing Node");
    }

    static String ruleDescription(InboundRule rule) {
        return ec2Description((rule.confabOwn() ? "Confab: " : "Guide: ") + rule.purpose());
    }

    /** {@code text} in the characters EC2 takes for descriptions, others as spaces, at most 255 of them. */
    static String ec2Description(String text) {
        String description = text.replaceAll(EC2_DESCRIPTION_CHARACTERS, " ");
        return description.length() <= EC2_DESCRIPTION_LIMIT ? description
                : description.substring(0, EC2_DESCRIPTION_LIMIT);
    }

    /** The trust policy that lets EC2 instances take the bursting role. */
    static Map<String, Object> ec2AssumeRole() {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", "ec2.amazonaws.com"));
        statement.put("Action", "sts:AssumeRole");
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", List.of(statement));
        return document;
    }

    /** {@link #ec2AssumeRole()} as indented JSON. */
    static String ec2AssumeRoleJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(ec2AssumeRole());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a document of maps, lists and strings is always JSON", e);
        }
    }
}
