package dev.confab.management.web.forms;

import dev.confab.management.cloud.IamPolicy;

import java.util.Map;

/** The IAM policy below the Global Settings form, for the tag value the settings show. Pure. */
final class IamPolicySnippet {

    private IamPolicySnippet() {
    }

    /** {@code settings}: the global settings as the API renders them (with {@code bursting_tag_value}). */
    static FormModel.Snippet of(Map<String, Object> settings) {
        String tagValue = String.valueOf(settings.get("bursting_tag_value"));
        return new FormModel.Snippet("iam-policy", "IAM policy for the Management Node",
                "Attach this policy to the IAM user whose access key is set above (or to the Management Node"
                        + " instance's role): it lets Confab describe instances, and start and stop only those tagged"
                        + " pexip-cloud=" + tagValue + "; and the AWS deployment check describe security groups,"
                        + " instance types and subnets. The same is served at /api/admin/status/v1/cloud_iam_policy/.",
                IamPolicy.document(tagValue));
    }
}
