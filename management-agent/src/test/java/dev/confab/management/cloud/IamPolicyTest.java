package dev.confab.management.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The IAM policy: valid JSON, exactly the actions Confab calls, start and stop only on tagged instances,
 * the deployment check's calls read-only; the document templates embed is the same.
 */
class IamPolicyTest {

    private static JsonNode policy(String tagValue) throws Exception {
        return new ObjectMapper().readTree(IamPolicy.document(tagValue));
    }

    @Test
    void isAValidPolicyDocument() throws Exception {
        JsonNode policy = policy("mgmt");
        assertEquals("2012-10-17", policy.get("Version").asText());
        for (JsonNode statement : policy.get("Statement")) {
            assertEquals("Allow", statement.get("Effect").asText());
            assertEquals("*", statement.get("Resource").asText());
            assertTrue(statement.get("Sid").asText().matches("[A-Za-z0-9]+"), "Sid is alphanumeric");
        }
    }

    @Test
    void namesExactlyTheActionsTheAdapterCalls() throws Exception {
        Set<String> named = new HashSet<>();
        policy("mgmt").get("Statement").forEach(statement -> statement.get("Action")
                .forEach(action -> named.add(action.asText())));
        assertEquals(Arrays.stream(Ec2Action.values()).map(Ec2Action::permission).collect(Collectors.toSet()), named);
        assertEquals(Set.of("ec2:DescribeInstances", "ec2:StartInstances", "ec2:StopInstances",
                "ec2:DescribeSecurityGroups", "ec2:DescribeInstanceTypes", "ec2:DescribeSubnets"), named);
    }

    @Test
    void allowsStartAndStopOnlyOnInstancesTaggedForThisPlatform() throws Exception {
        for (JsonNode statement : policy("mgmt.example.com").get("Statement")) {
            boolean changesState = !statement.get("Action").toString().contains("Describe");
            if (changesState) {
                assertEquals("mgmt.example.com", statement.get("Condition").get("StringEquals")
                        .get("ec2:ResourceTag/pexip-cloud").asText());
            } else {
                assertFalse(statement.has("Condition"), "DescribeInstances takes no resource condition");
            }
        }
    }

    @Test
    void aTagValueWithQuotesStaysOneJsonString() throws Exception {
        JsonNode statement = policy("odd\"value\\").get("Statement").get(1);
        assertEquals("odd\"value\\", statement.get("Condition").get("StringEquals").get("ec2:ResourceTag/pexip-cloud")
                .asText());
    }

    @Test
    void letsTheDeploymentCheckOnlyDescribe() throws Exception {
        JsonNode reads = policy("mgmt").get("Statement").get(2);

        assertEquals("ConfabReadForDeploymentCheck", reads.get("Sid").asText());
        reads.get("Action").forEach(action -> assertTrue(action.asText().startsWith("ec2:Describe"), action.asText()));
        assertFalse(reads.has("Condition"));
    }

    @Test
    void embedsInTemplatesTheDocumentItShows() throws Exception {
        assertEquals(policy("mgmt"), new ObjectMapper().valueToTree(IamPolicy.policy("mgmt")));
    }
}
