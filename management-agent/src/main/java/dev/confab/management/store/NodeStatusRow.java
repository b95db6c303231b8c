package dev.confab.management.store;

/** One row of {@code node_status}: what a node last reported; times in the API format, null until they happen. */
public record NodeStatusRow(long nodeId, String version, String bootTime, String lastAttemptedContact,
                            String lastUpdated, long appliedRevision, boolean reachable, boolean reportedMaintenance,
                            int mediaLoad, int maxFullHdCalls, int maxHdCalls, int maxSdCalls, int maxAudioCalls,
                            int mediaTokensUsed, int maxMediaTokens, int cpuCount, long totalRam) {
}
