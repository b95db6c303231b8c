package dev.confab.management.cloud.template;

/** Which AWS identity the Management Node uses for bursting, as the Global Settings' {@code aws_instance_role} says. */
public enum IamIdentity {
    /** An IAM user with the bursting policy; its access key is made in IAM and entered in Global Settings. */
    USER,
    /** An instance role with the bursting policy, and the instance profile to give the Management Node's instance. */
    ROLE
}
