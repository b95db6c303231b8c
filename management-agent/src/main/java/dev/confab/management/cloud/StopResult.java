package dev.confab.management.cloud;

/** The outcome of stopping one instance. */
public sealed interface StopResult {

    /** EC2 accepted: the instance is stopping (or was already stopping or stopped). */
    record Stopped(StateChange change) implements StopResult {
    }

    /** EC2 could not be asked, or refused. */
    record Failed(CloudFailure failure) implements StopResult {
    }
}
