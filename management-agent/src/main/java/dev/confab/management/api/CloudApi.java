package dev.confab.management.api;

import dev.confab.management.cloud.CloudService;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * What the API shows of cloud bursting beside the catalog's resources: the IAM policy the Management
 * Node's user or role needs ({@code GET /api/admin/status/v1/cloud_iam_policy/}), answered as the
 * policy document itself, ready for {@code aws iam put-user-policy --policy-document file://…}.
 */
public final class CloudApi {

    /** The IAM policy's path (ours: the reference platform has none). */
    public static final String IAM_POLICY = "/api/admin/status/v1/cloud_iam_policy/";

    private final CloudService cloud;

    public CloudApi(CloudService cloud) {
        this.cloud = cloud;
    }

    /** Registers the routes; before the catalog's, whose {@code {resource}/} would match them too. */
    public void register(JavalinConfig config) {
        config.routes.get(IAM_POLICY, this::iamPolicy);
    }

    private void iamPolicy(Context ctx) {
        ctx.contentType("application/json").result(cloud.iamPolicy());
    }
}
