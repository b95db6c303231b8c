package dev.confab.management.cloud;

/**
 * What bursting asks of the cloud: the instances tagged for this platform, and starting and stopping
 * one of them. Confab never creates or terminates an instance. A call returns when EC2 has answered
 * (throttling and server errors are retried within a bounded time first); a failure is a result,
 * never an exception. Implementations are thread-safe.
 */
public interface CloudInstances {

    /** DescribeInstances, filtered on {@code tag:pexip-cloud} = this platform's tag value. */
    DescribeResult describe();

    /** StartInstances of one instance. */
    StartResult start(String instanceId);

    /** StopInstances of one instance. */
    StopResult stop(String instanceId);
}
