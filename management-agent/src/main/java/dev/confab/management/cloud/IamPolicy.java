package dev.confab.management.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.confab.management.resource.catalog.Catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IAM policy the Management Node's user or role needs for cloud bursting: DescribeInstances on
 * every instance (EC2 does not scope it to resources), and StartInstances and StopInstances only on
 * instances whose {@code pexip-cloud} tag equals this platform's tag value; and, for the deployment
 * check, the read-only DescribeSecurityGroups, DescribeInstanceTypes and DescribeSubnets. Made from
 * {@link Ec2Action}, so it names exactly the actions Confab calls. The one place the policy is
 * written: Global Settings and the API show {@link #document}, the templates of {@code confab
 * aws-template} embed {@link #policy}. Pure.
 */
public final class IamPolicy {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private IamPolicy() {
    }

    /** The policy document for instances tagged {@code pexip-cloud=tagValue}, as JSON text. */
    public static String document(String tagValue) {
        try {
            return JSON.writeValueAsString(policy(tagValue));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /** The policy document as maps and lists in IAM's field names and order, for a template to embed. */
    public static Map<String, Object> policy(String tagValue) {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("Version", "2012-10-17");
        policy.put("Statement", List.of(
                statement("ConfabDescribeInstances", List.of(Ec2Action.DESCRIBE_INSTANCES), null),
                statement("ConfabStartAndStopOverflowNodes",
                        List.of(Ec2Action.START_INSTANCES, Ec2Action.STOP_INSTANCES),
                        Map.of("StringEquals", Map.of("ec2:ResourceTag/" + Catalog.burstingTagName(), tagValue))),
                statement("ConfabReadForDeploymentCheck", List.of(Ec2Action.DESCRIBE_SECURITY_GROUPS,
                        Ec2Action.DESCRIBE_INSTANCE_TYPES, Ec2Action.DESCRIBE_SUBNETS), null)));
        return policy;
    }

    private static Map<String, Object> statement(String sid, List<Ec2Action> actions, Map<String, Object> condition) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Action", actions.stream().map(Ec2Action::permission).toList());
        statement.put("Resource", "*");
        if (condition != null) {
            statement.put("Condition", condition);
        }
        return statement;
    }
}
