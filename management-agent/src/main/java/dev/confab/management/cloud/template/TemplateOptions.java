package dev.confab.management.cloud.template;

import dev.confab.management.cloud.guide.InstanceTypeRules;

import java.util.Map;

/**
 * What the operator chooses for a generated deployment. Immutable.
 *
 * @param instanceType  the instance type of every node not named in {@code instanceTypes}
 * @param instanceTypes instance types by node name
 * @param identity      IAM user or instance role for bursting
 * @param sipOverUdp    whether the security group lets SIP over UDP in (the guide's optional rule)
 * @param tenancy       the instances' tenancy ({@code dedicated}, as the guide asks, or {@code default})
 */
public record TemplateOptions(String instanceType, Map<String, String> instanceTypes, IamIdentity identity,
                              boolean sipOverUdp, String tenancy) {

    public TemplateOptions {
        instanceTypes = Map.copyOf(instanceTypes);
    }

    /** The guide's choices: c5.2xlarge, an IAM user, no SIP over UDP, dedicated tenancy. */
    public static TemplateOptions defaults() {
        return new TemplateOptions(InstanceTypeRules.RECOMMENDED_TYPE, Map.of(), IamIdentity.USER, false,
                InstanceTypeRules.TENANCY);
    }

    /** The instance type of node {@code name}. */
    public String instanceTypeOf(String name) {
        return instanceTypes.getOrDefault(name, instanceType);
    }
}
