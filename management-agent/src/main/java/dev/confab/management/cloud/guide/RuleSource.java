package dev.confab.management.cloud.guide;

/** Where the deployment guide lets a security-group rule's traffic come from. */
public enum RuleSource {
    /** Any address ({@code 0.0.0.0/0}): callers and their devices. */
    ANYWHERE("anywhere (0.0.0.0/0)"),
    /** The operators' management network (a CIDR the operator names), and nothing wider. */
    MANAGEMENT_SUBNET("the management subnet"),
    /** Members of the same security group: the platform's own nodes. */
    GROUP("the security group itself");

    private final String description;

    RuleSource(String description) {
        this.description = description;
    }

    @Override
    public String toString() {
        return description;
    }
}
