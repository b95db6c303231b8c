package dev.confab.management.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class IamPolicyTest {

    @Test
    void letsTheManagementNodeDescribeAllAndStartAndStopOnlyItsTaggedInstances() throws Exception {
        JsonNode policy = new ObjectMapper().readTree(IamPolicy.document("mgr"));

        assertEquals("2012-10-17", policy.get("Version").asText());
        JsonNode describe = policy.get("Statement").get(0);
        assertEquals(List.of("ec2:DescribeInstances"), texts(describe.get("Action")));
        assertFalse(describe.has("Condition"));
        JsonNode startStop = policy.get("Statement").get(1);
        assertEquals(List.of("ec2:StartInstances", "ec2:StopInstances"), texts(startStop.get("Action")));
        assertEquals("mgr", startStop.get("Condition").get("StringEquals").get("ec2:ResourceTag/pexip-cloud").asText());
        policy.get("Statement").forEach(statement -> assertEquals("Allow", statement.get("Effect").asText()));
    }

    @Test
    void listsTheDeploymentChecksReadOnlyCallsAndNothingElse() throws Exception {
        JsonNode policy = new ObjectMapper().readTree(IamPolicy.document("mgr"));

        assertEquals(3, policy.get("Statement").size());
        JsonNode reads = policy.get("Statement").get(2);
        assertEquals(List.of("ec2:DescribeSecurityGroups", "ec2:DescribeInstanceTypes", "ec2:DescribeSubnets"),
                texts(reads.get("Action")));
        texts(reads.get("Action")).forEach(action -> assertFalse(action.matches("ec2:(Start|Stop|Modify|Create|"
                + "Terminate|Run|Delete|Authorize|Revoke).*"), action));
    }

    @Test
    void namesEveryActionConfabCalls() throws Exception {
        List<String> named = new ArrayList<>();
        new ObjectMapper().readTree(IamPolicy.document("mgr")).get("Statement")
                .forEach(statement -> named.addAll(texts(statement.get("Action"))));

        assertEquals(Ec2Action.values().length, named.size());
        for (Ec2Action action : Ec2Action.values()) {
            assertEquals(1, named.stream().filter(action.permission()::equals).count(), action.permission());
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
