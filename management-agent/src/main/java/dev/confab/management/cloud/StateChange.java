package dev.confab.management.cloud;

/** What StartInstances or StopInstances did to one instance. Immutable. */
public record StateChange(String instanceId, CloudInstanceState previous, CloudInstanceState current) {
}
