package dev.confab.management.bursting.simulation;

import dev.confab.management.bursting.CloudInstance;
import dev.confab.management.bursting.InstanceState;
import dev.confab.management.bursting.Node;
import dev.confab.management.bursting.NodeLoad;
import dev.confab.management.bursting.StartLatency;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One node during a replay: its calls, and for an overflow node its EC2 instance's life. Not thread-safe. */
final class SimulatedNode {

    final Node node;
    final String place;
    private final String instanceId;
    private int tokensInUse;
    private int calls;
    private InstanceState state = InstanceState.STOPPED;
    private Instant startRequestedAt;
    private Instant launchedAt;
    private Instant stopRequestedAt;
    private boolean reporting;
    private long generation;
    private StartLatency lastStart;
    /** Its instance as EC2 describes it, until its state next changes. */
    private CloudInstance instance;
    /** Its last load report, until its load changes, it starts or stops, or the next heartbeat is due. */
    private NodeLoad report;
    private long reportedAtMillis;

    SimulatedNode(Node node, String place) {
        this.node = node;
        this.place = place;
        this.instanceId = "i-" + node.name();
        this.reporting = !node.bursting();
        if (!node.bursting()) {
            state = InstanceState.RUNNING;
        }
    }

    /** Whether calls may be placed on it: always-on, or an overflow node up, reporting and not being stopped. */
    boolean serving() {
        return !node.bursting() || state == InstanceState.RUNNING && reporting && stopRequestedAt == null;
    }

    int freeTokens() {
        return node.capacityTokens() - tokensInUse;
    }

    void place(int tokens) {
        tokensInUse += tokens;
        calls++;
    }

    void release(int tokens) {
        tokensInUse -= tokens;
        calls--;
    }

    /** Whether it reports its load: always-on, or an overflow node that has reported since its start. */
    boolean reporting() {
        return reporting;
    }

    /**
     * Its last load report at {@code now}, only while it reports: as a node sends one when its load
     * changes and with every heartbeat, a new one when its load changed since the last or
     * {@code heartbeatMillis} have passed.
     */
    NodeLoad loadAt(Instant now, long heartbeatMillis) {
        long nowMillis = now.toEpochMilli();
        if (report == null || report.tokensInUse() != tokensInUse || report.conferences() != calls
                || nowMillis - reportedAtMillis >= heartbeatMillis) {
            report = new NodeLoad(node.id(), tokensInUse, calls, now);
            reportedAtMillis = nowMillis;
        }
        return report;
    }

    CloudInstance instance() {
        if (instance == null) {
            instance = new CloudInstance(instanceId, node.id(), state, Optional.ofNullable(launchedAt),
                    Optional.ofNullable(startRequestedAt), Optional.ofNullable(stopRequestedAt));
        }
        return instance;
    }

    /** Its last measured start, null before its first report. */
    StartLatency lastStart() {
        return lastStart;
    }

    boolean stopped() {
        return state == InstanceState.STOPPED;
    }

    /** StartInstances accepted: pending from now; returns the generation its later events belong to. */
    long start(Instant now) {
        state = InstanceState.PENDING;
        startRequestedAt = now;
        stopRequestedAt = null;
        reporting = false;
        instance = null;
        report = null;
        return ++generation;
    }

    void running(Instant now, long of) {
        if (of == generation) {
            state = InstanceState.RUNNING;
            launchedAt = now;
            instance = null;
        }
    }

    void firstReport(Instant now, long of) {
        if (of == generation) {
            reporting = true;
            lastStart = new StartLatency(node.id(), Duration.between(startRequestedAt, launchedAt),
                    Duration.between(launchedAt, now));
        }
    }

    /** StopInstances accepted: stopping from now; returns the generation its stopped event belongs to. */
    long stop(Instant now) {
        state = InstanceState.STOPPING;
        stopRequestedAt = now;
        reporting = false;
        instance = null;
        report = null;
        return ++generation;
    }

    void stoppedAt(long of) {
        if (of == generation) {
            state = InstanceState.STOPPED;
            instance = null;
        }
    }

    Instant startRequestedAt() {
        return startRequestedAt;
    }

    /** When EC2 last described it running since its last start, if it has. */
    Optional<Instant> runningSince() {
        return launchedAt != null && !launchedAt.isBefore(startRequestedAt) ? Optional.of(launchedAt) : Optional.empty();
    }
}
