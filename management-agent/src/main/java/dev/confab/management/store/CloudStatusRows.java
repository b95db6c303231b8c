package dev.confab.management.store;

import java.util.List;

/**
 * What bursting's last run found, as the {@code cloud_*} status tables hold it; times in the API
 * format, null when unknown. Immutable.
 */
public record CloudStatusRows(Summary summary, List<Node> nodes, List<Location> monitored, List<Location> overflow,
                              List<Note> notes) {

    public CloudStatusRows {
        nodes = List.copyOf(nodes);
        monitored = List.copyOf(monitored);
        overflow = List.copyOf(overflow);
        notes = List.copyOf(notes);
    }

    /** The row of {@code cloud_bursting_status}. */
    public record Summary(boolean burstingEnabled, String lastRunTime, String lastDescribedTime, String describeError,
                          String circuitBreaker, String circuitBreakerUntil, int runningNodes, int maxRunningNodes,
                          long minLifetimeSeconds, String lastActions) {
    }

    /** A row of {@code cloud_node_status}. */
    public record Node(String cloudInstanceId, String cloudInstanceName, String cloudInstanceState,
                       String cloudInstanceIp, String cloudInstancePublicIp, String cloudInstanceType,
                       String cloudInstanceLaunchTime, String runningSince, String loadStatus, int maxHdCalls,
                       int freeHdCalls, int mediaLoad, Long workervmConfigurationId, String workervmConfigurationName,
                       String workervmConfigurationLocationName) {
    }

    /**
     * A row of {@code cloud_monitored_location_status} or {@code cloud_overflow_location_status};
     * {@code minutesToExhaustion} whole minutes, null when no call arrives.
     */
    public record Location(long id, String name, int freeHdCalls, int maxHdCalls, int startingHdCalls, int mediaLoad,
                           String overflowLocation, int threshold, String state, int effectiveThreshold,
                           Integer minutesToExhaustion) {
    }

    /** A row of {@code cloud_bursting_note}. */
    public record Note(String kind, String locationName, String cloudInstanceId, Long workervmConfigurationId,
                       String message) {
    }
}
