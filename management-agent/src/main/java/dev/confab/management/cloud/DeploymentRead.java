package dev.confab.management.cloud;

import dev.confab.management.cloud.check.Ec2Deployment;

/** What the deployment check's read-only EC2 calls returned: the deployment, or why it could not be read. */
public sealed interface DeploymentRead {

    record Read(Ec2Deployment deployment) implements DeploymentRead {
    }

    record Failed(CloudFailure failure) implements DeploymentRead {
    }
}
