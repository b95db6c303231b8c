package dev.confab.management.cloud.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.confab.management.cloud.IamPolicy;
import dev.confab.management.cloud.guide.InboundRule;
import dev.confab.management.cloud.guide.RuleSource;
import dev.confab.management.cloud.guide.SecurityGroupRules;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.confab.management.cloud.template.PlanFixtures.FILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloudFormationTemplateTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void holdsExactlyTheRulesOfTheGuideAndConfabAndNothingWider() throws Exception {
        JsonNode resources = render(PlanFixtures.plan()).get("Resources");

        Set<String> actual = new HashSet<>();
        resources.fields().forEachRemaining(resource -> {
            String type = resource.getValue().get("Type").asText();
            JsonNode properties = resource.getValue().get("Properties");
            if (type.equals("AWS::EC2::SecurityGroup")) {
                properties.get("SecurityGroupIngress").forEach(permission -> actual.add(rule(permission)));
            } else if (type.equals("AWS::EC2::SecurityGroupIngress")) {
                assertEquals(groupId(), properties.get("GroupId"), "a rule of the platform's group");
                actual.add(rule(properties));
            }
        });

        Set<String> expected = new HashSet<>();
        for (InboundRule rule : SecurityGroupRules.forTemplate(false)) {
            expected.add(rule.protocol().ec2Name() + " " + (rule.protocol().hasPorts() || rule.fromPort() != 0
                    ? rule.fromPort() + "-" + rule.toPort() : "") + " " + source(rule.source()));
        }
        assertEquals(expected, actual);
    }

    @Test
    void opensAdministrationOnlyToTheManagementSubnetAndIpsecOnlyToTheGroup() throws Exception {
        JsonNode group = render(PlanFixtures.plan()).get("Resources").get(CloudFormationTemplate.GROUP);

        for (JsonNode permission : group.get("Properties").get("SecurityGroupIngress")) {
            int port = permission.path("FromPort").asInt(0);
            if (port == 22 || port == 8443 || permission.get("IpProtocol").asText().equals("icmp")) {
                assertEquals(Map.of("Ref", "ManagementSubnetCidr"), YAML.convertValue(permission.get("CidrIp"), Map.class));
            }
            assertFalse(port == 500 || permission.get("IpProtocol").asText().equals("50"), "IPsec is never open to a CIDR");
        }
    }

    @Test
    void givesEachNodeItsAddressTypeTenancyAndTagAndTheOverflowNodeThePexipCloudTag() throws Exception {
        JsonNode resources = render(PlanFixtures.plan()).get("Resources");

        JsonNode lon = resources.get("Node1Lon1").get("Properties");
        assertEquals("10.0.1.11", lon.get("PrivateIpAddress").asText());
        assertEquals("c5.2xlarge", lon.get("InstanceType").asText());
        assertEquals("dedicated", lon.get("Tenancy").asText());
        assertTrue(lon.get("EbsOptimized").asBoolean());
        assertEquals("Subnet10x0x1x0x24", lon.get("SubnetId").get("Ref").asText());
        assertEquals(List.of("Name"), tagKeys(lon));
        JsonNode burst = resources.get("Node3Burst1").get("Properties");
        assertEquals("Subnet10x0x2x0x24", burst.get("SubnetId").get("Ref").asText());
        assertEquals(List.of("Name", "pexip-cloud"), tagKeys(burst));
        assertEquals("mgr", burst.get("Tags").get(1).get("Value").asText());
        assertFalse(burst.has("UserData"), "no file was made for it");
    }

    @Test
    void carriesTheConfigurationFileInUserDataUnchanged() throws Exception {
        JsonNode lon = render(PlanFixtures.plan()).get("Resources").get("Node1Lon1").get("Properties");

        String userData = lon.get("UserData").get("Fn::Base64").asText();
        assertEquals(FILE, new ObjectMapper().readTree(userData).get("conferencing_node_config").asText());
        assertTrue(Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8)).length() < 65536);
    }

    @Test
    void givesTheIamUserExactlyTheBurstingPolicy() throws Exception {
        JsonNode user = render(PlanFixtures.plan()).get("Resources").get("BurstingUser");

        assertEquals("AWS::IAM::User", user.get("Type").asText());
        JsonNode document = user.get("Properties").get("Policies").get(0).get("PolicyDocument");
        assertEquals(new ObjectMapper().readTree(IamPolicy.document("mgr")), document);
    }

    @Test
    void makesAnInstanceRoleAndProfileInsteadWhenAsked() throws Exception {
        TemplateOptions role = new TemplateOptions("c5.2xlarge", Map.of(), IamIdentity.ROLE, false, "dedicated");
        JsonNode resources = render(PlanFixtures.plan(role)).get("Resources");

        assertFalse(resources.has("BurstingUser"));
        JsonNode trust = resources.get("BurstingRole").get("Properties").get("AssumeRolePolicyDocument");
        assertEquals("ec2.amazonaws.com", trust.get("Statement").get(0).get("Principal").get("Service").asText());
        assertEquals(new ObjectMapper().readTree(IamPolicy.document("mgr")),
                resources.get("BurstingRole").get("Properties").get("Policies").get(0).get("PolicyDocument"));
        assertEquals("BurstingRole", resources.get("BurstingInstanceProfile").get("Properties").get("Roles").get(0)
                .get("Ref").asText());
    }

    @Test
    void writesOnlyDescriptionsEc2Accepts() throws Exception {
        JsonNode resources = render(PlanFixtures.plan()).get("Resources");
        List<String> descriptions = new ArrayList<>();
        resources.get(CloudFormationTemplate.GROUP).get("Properties").get("SecurityGroupIngress")
                .forEach(permission -> descriptions.add(permission.get("Description").asText()));
        descriptions.add(resources.get(CloudFormationTemplate.GROUP).get("Properties").get("GroupDescription").asText());

        descriptions.forEach(text -> assertTrue(text.matches("[A-Za-z0-9. _\\-:/()#,@\\[\\]+=&;{}!$*]{1,255}"), text));
    }

    private static JsonNode render(DeploymentPlan plan) throws Exception {
        return YAML.readTree(CloudFormationTemplate.render(plan));
    }

    private static String rule(JsonNode permission) {
        String ports = permission.has("FromPort") ? permission.get("FromPort").asInt() + "-"
                + permission.get("ToPort").asInt() : "";
        String source;
        if (permission.has("SourceSecurityGroupId")) {
            source = permission.get("SourceSecurityGroupId").equals(groupId()) ? "group" : "another group";
        } else if (permission.get("CidrIp").isTextual()) {
            source = permission.get("CidrIp").asText();
        } else {
            source = permission.get("CidrIp").get("Ref").asText();
        }
        return permission.get("IpProtocol").asText() + " " + ports + " " + source;
    }

    private static String source(RuleSource source) {
        return switch (source) {
            case ANYWHERE -> "0.0.0.0/0";
            case MANAGEMENT_SUBNET -> "ManagementSubnetCidr";
            case GROUP -> "group";
        };
    }

    private static JsonNode groupId() {
        return YAML.valueToTree(Map.of("Fn::GetAtt", List.of(CloudFormationTemplate.GROUP, "GroupId")));
    }

    private static List<String> tagKeys(JsonNode properties) {
        List<String> keys = new ArrayList<>();
        properties.get("Tags").forEach(tag -> keys.add(tag.get("Key").asText()));
        return keys;
    }
}
