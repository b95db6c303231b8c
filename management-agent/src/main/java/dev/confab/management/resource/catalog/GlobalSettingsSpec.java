package dev.confab.management.resource.catalog;

import dev.confab.management.resource.Candidate;
import dev.confab.management.resource.FieldErrors;
import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.Format;
import dev.confab.management.resource.ResourceRules;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.StoreView;

import java.util.Map;

/** {@code global}: platform-wide settings, among them dynamic bursting and its AWS access. */
final class GlobalSettingsSpec implements ResourceRules {

    static final String NAME = ResourceNames.GLOBAL;
    /** The tag key that marks a stopped EC2 instance as an overflow node of this platform. */
    public static final String TAG_NAME = "pexip-cloud";

    static ResourceSpec spec() {
        return ResourceSpec.builder(NAME, "Global settings")
                .shape(ResourceSpec.Shape.SINGLETON)
                .displayField("cloud_provider")
                .field(FieldSpec.bool("bursting_enabled", false)
                        .help("Whether overflow Conferencing Nodes are to be started and stopped as capacity requires:"
                                + " stored and replicated, acted on once cloud bursting is built."))
                .field(FieldSpec.integer("bursting_threshold").defaultValue(5L).range(1, 100000)
                        .help("The free HD calls of a location at or below which an overflow node is to be started:"
                                + " stored and replicated, acted on once cloud bursting is built."))
                .field(FieldSpec.integer("bursting_min_lifetime").defaultValue(50L).range(5, 1440)
                        .help("Minutes an overflow node is to stay up at least once started: stored and replicated,"
                                + " acted on once cloud bursting is built."))
                .field(FieldSpec.string("cloud_provider").defaultValue("AWS").choices("AWS")
                        .help("The cloud provider that hosts overflow nodes."))
                .field(FieldSpec.string("aws_access_key").nullable().maxLength(128)
                        .help("Access key ID of the IAM user that may describe, start and stop the overflow instances."))
                .field(FieldSpec.string("aws_secret_key").nullable().maxLength(128).secret(FieldSpec.Secret.SEALED)
                        .help("Secret access key of that IAM user (write-only; kept encrypted)."))
                .field(FieldSpec.bool("aws_instance_role", false)
                        .help("Use the Management Node instance's IAM role instead of an access key."))
                .field(FieldSpec.string("aws_region").defaultValue("us-east-1").required().maxLength(32)
                        .help("AWS region of the overflow instances, such as us-east-1 or us-gov-west-1 (AWS China"
                                + " regions are not supported)."))
                .field(FieldSpec.string("aws_endpoint").nullable().maxLength(250).format(Format.URL)
                        .help("EC2 endpoint URL; blank for AWS's own endpoint of the region"
                                + " (https://ec2.REGION.amazonaws.com)."))
                .field(FieldSpec.string("enable_ssh").defaultValue("ON").choices("ON", "OFF")
                        .help("Platform-wide SSH access, followed by nodes set to GLOBAL."))
                .field(FieldSpec.string("bursting_tag_name").computed()
                        .help("Tag key that marks overflow instances (read-only)."))
                .field(FieldSpec.string("bursting_tag_value").computed()
                        .help("Tag value that marks overflow instances: the Management Node's host name (read-only)."))
                .rules(new GlobalSettingsSpec())
                .build();
    }

    @Override
    public void check(Candidate settings, StoreView store, FieldErrors errors) {
        AwsRegions.problem(settings.text("aws_region")).ifPresent(problem -> errors.add("aws_region", problem));
        if (settings.flag("bursting_enabled") && !settings.flag("aws_instance_role")) {
            if (settings.text("aws_access_key").isEmpty()) {
                errors.add("aws_access_key", "Bursting on AWS needs an access key (or turn on aws_instance_role).");
            }
            if (settings.text("aws_secret_key").isEmpty()) {
                errors.add("aws_secret_key", "Bursting on AWS needs a secret key (or turn on aws_instance_role).");
            }
        }
    }

    @Override
    public void render(Map<String, Object> values, StoreView store) {
        values.put("bursting_tag_name", TAG_NAME);
        values.put("bursting_tag_value", tagValue(store));
    }

    /** The Management Node's host name, or {@code unknown} before one is set. */
    static String tagValue(StoreView store) {
        return store.find(ManagementVms.NAME, 1).map(row -> row.get("hostname"))
                .filter(hostname -> hostname != null && !hostname.toString().isEmpty())
                .map(Object::toString).orElse("unknown");
    }
}
