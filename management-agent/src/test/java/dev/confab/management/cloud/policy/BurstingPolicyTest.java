package dev.confab.management.cloud.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class BurstingPolicyTest {

    @Test
    void letsTheManagementNodeDescribeAllAndStartAndStopOnlyItsTaggedInstances() throws Exception {
        JsonNode policy = new ObjectMapper().readTree(new BurstingPolicy("eu-west-1", "pexip-cloud", "mgr", false).json());

        assertEquals("2012-10-17", policy.get("Version").asText());
        JsonNode describe = policy.get("Statement").get(0);
        assertEquals(List.of("ec2:DescribeInstances"), texts(describe.get("Action")));
        assertEquals("*", describe.get("Resource").asText());
        JsonNode startStop = policy.get("Statement").get(1);
        assertEquals(List.of("ec2:StartInstances", "ec2:StopInstances"), texts(startStop.get("Action")));
        assertEquals("arn:aws:ec2:eu-west-1:*:instance/*", startStop.get("Resource").asText());
        assertEquals("mgr", startStop.get("Condition").get("StringEquals").get("ec2:ResourceTag/pexip-cloud").asText());
        assertEquals(2, policy.get("Statement").size(), "nothing else is allowed");
        policy.get("Statement").forEach(statement -> assertEquals("Allow", statement.get("Effect").asText()));
    }

    @Test
    void addsTheDeploymentChecksReadOnlyCallsWhenAskedFor() throws Exception {
        JsonNode policy = new ObjectMapper().readTree(new BurstingPolicy("eu-west-1", "pexip-cloud", "mgr", true).json());

        JsonNode reads = policy.get("Statement").get(2);
        assertEquals(List.of("ec2:DescribeSecurityGroups", "ec2:DescribeInstanceTypes", "ec2:DescribeSubnets"),
                texts(reads.get("Action")));
        assertFalse(reads.has("Condition"));
        texts(reads.get("Action")).forEach(action -> assertFalse(action.contains("Start") || action.contains("Stop")
                || action.contains("Modify") || action.contains("Create") || action.contains("Terminate"), action));
    }

    @Test
    void scopesInstancesToTheRegionsPartition() {
        assertEquals("arn:aws-cn:ec2:cn-north-1:*:instance/*",
                new BurstingPolicy("cn-north-1", "pexip-cloud", "m", false).instanceArns());
        assertEquals("arn:aws-us-gov:ec2:us-gov-west-1:*:instance/*",
                new BurstingPolicy("us-gov-west-1", "pexip-cloud", "m", false).instanceArns());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
