package dev.confab.management.cloud.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IAM policy of the Management Node's AWS identity (the IAM user of its access key, or its
 * instance role), as the guide's "Configuring an AWS user and policy for controlling overflow nodes"
 * has it: describe every instance; start and stop only instances tagged
 * {@code pexip-cloud=<tag value>}. With the deployment check, the read-only calls it makes as well.
 * The one place this policy is written: the templates embed {@link #document()}, pages and docs show
 * {@link #json()}. Immutable.
 *
 * @param region          the region of the overflow instances (their ARNs are scoped to it)
 * @param tagName         the tag key ({@code pexip-cloud})
 * @param tagValue        the Management Node's tag value
 * @param deploymentCheck whether to allow the read-only calls of {@code confab aws-check}
 */
public record BurstingPolicy(String region, String tagName, String tagValue, boolean deploymentCheck) {

    /** What bursting calls: describe always, start and stop under the tag condition. */
    public static final List<String> BURSTING_DESCRIBE = List.of("ec2:DescribeInstances");
    public static final List<String> BURSTING_START_STOP = List.of("ec2:StartInstances", "ec2:StopInstances");
    /** What the deployment check reads besides the instances. */
    public static final List<String> CHECK_READS = List.of("ec2:DescribeSecurityGroups",
            "ec2:DescribeInstanceTypes", "ec2:DescribeSubnets");

    /** The policy document: {@code Version} and {@code Statement}, in IAM's own field names and order. */
    public Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", deploymentCheck
                ? List.of(describe(), startStop(), checkReads())
                : List.of(describe(), startStop()));
        return document;
    }

    /** The document as indented JSON, as an operator pastes it into the IAM console. */
    public String json() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a policy of maps, lists and strings is always JSON", e);
        }
    }

    /** The ARN pattern of every instance of the region, in the region's partition. */
    public String instanceArns() {
        return "arn:" + partition(region) + ":ec2:" + region + ":*:instance/*";
    }

    static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    private Map<String, Object> describe() {
        return statement("DescribeInstances", BURSTING_DESCRIBE, "*", null);
    }

    private Map<String, Object> startStop() {
        return statement("StartStopOverflowNodes", BURSTING_START_STOP, instanceArns(),
                Map.of("StringEquals", Map.of("ec2:ResourceTag/" + tagName, tagValue)));
    }

    private Map<String, Object> checkReads() {
        return statement("ReadForDeploymentCheck", CHECK_READS, "*", null);
    }

    private static Map<String, Object> statement(String sid, List<String> actions, String resource,
                                                 Map<String, Object> condition) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Action", actions);
        statement.put("Resource", resource);
        if (condition != null) {
            statement.put("Condition", condition);
        }
        return statement;
    }
}
