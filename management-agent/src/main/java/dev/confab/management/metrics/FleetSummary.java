package dev.confab.management.metrics;

import dev.confab.management.health.NodeReport;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * The Conferencing Nodes at one moment, in aggregate, as {@code /metrics} shows them: how many are
 * in each sync status of {@code status/v1/worker_vm} (SYNCED, SYNCING, UNREACHABLE), the oldest
 * last heartbeat of a reachable node, and how many revisions the furthest-behind reachable node
 * lacks. Aggregates rather than a series per node, so that ten thousand nodes are a handful of
 * series. Immutable.
 */
record FleetSummary(long synced, long syncing, long unreachable, Duration oldestHeartbeat, long maxLag) {

    /**
     * Sums {@code reports} (every node the monitor tracks) against the newest revision; nodes that are
     * configured but not tracked (never reported since they were added) count as unreachable.
     */
    static FleetSummary of(Collection<NodeReport> reports, long latestRevision, int configuredNodes, Instant now) {
        long synced = 0;
        long syncing = 0;
        Duration oldest = Duration.ZERO;
        long maxLag = 0;
        for (NodeReport report : reports) {
            if (!report.reachable() || report.lastContact() == null) {
                continue;
            }
            long lag = Math.max(0, latestRevision - report.appliedRevision());
            if (lag == 0) {
                synced++;
            } else {
                syncing++;
            }
            maxLag = Math.max(maxLag, lag);
            Duration age = Duration.between(report.lastContact(), now);
            if (age.compareTo(oldest) > 0) {
                oldest = age;
            }
        }
        long unreachable = Math.max(0, Math.max(configuredNodes, reports.size()) - synced - syncing);
        return new FleetSummary(synced, syncing, unreachable, oldest, maxLag);
    }
}
