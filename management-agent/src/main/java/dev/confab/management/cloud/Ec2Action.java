package dev.confab.management.cloud;

/**
 * The EC2 actions Confab calls, and no others: each with the IAM permission it needs. The IAM
 * policy ({@link IamPolicy}) is made from this list: bursting describes, starts and stops; the
 * deployment check ({@code confab aws-check}) describes instances and the other three, read-only.
 */
public enum Ec2Action {
    DESCRIBE_INSTANCES("DescribeInstances"),
    START_INSTANCES("StartInstances"),
    STOP_INSTANCES("StopInstances"),
    DESCRIBE_SECURITY_GROUPS("DescribeSecurityGroups"),
    DESCRIBE_INSTANCE_TYPES("DescribeInstanceTypes"),
    DESCRIBE_SUBNETS("DescribeSubnets");

    private final String action;

    Ec2Action(String action) {
        this.action = action;
    }

    /** The action's name in the EC2 API, such as {@code StartInstances}. */
    public String action() {
        return action;
    }

    /** The IAM permission the action needs, such as {@code ec2:StartInstances}. */
    public String permission() {
        return "ec2:" + action;
    }
}
