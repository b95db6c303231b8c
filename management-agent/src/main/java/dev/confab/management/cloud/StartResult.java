package dev.confab.management.cloud;

/** The outcome of starting one instance. */
public sealed interface StartResult {

    /** EC2 accepted: the instance is pending (or was already pending or running). */
    record Started(StateChange change) implements StartResult {
    }

    /**
     * EC2 has no capacity for the instance's type in its Availability Zone now
     * (InsufficientInstanceCapacity): start another stopped node instead.
     */
    record NoCapacity(String instanceId, String message) implements StartResult {
    }

    /** EC2 could not be asked, or refused. */
    record Failed(CloudFailure failure) implements StartResult {
    }
}
