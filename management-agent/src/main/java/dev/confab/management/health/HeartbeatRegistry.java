package dev.confab.management.health;

import dev.confab.shared.wire.Heartbeat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The nodes' heartbeats, in memory: one deadline per node ({@code missed} intervals after its last
 * heartbeat), kept the way Nomad's heartbeat timers are. Heartbeats and applied revisions only
 * update memory; {@link #expire()} marks nodes past their deadline as lost, and {@link #drain()}
 * hands the changed rows and the events to whoever writes them to the store. Time comes from the
 * injected clock. Thread-safe: each node's state is updated under its own lock.
 */
public final class HeartbeatRegistry {

    private final Clock clock;
    private final Duration interval;
    private final int missed;
    private final Map<Long, NodeState> nodes = new ConcurrentHashMap<>();
    private final Set<Long> dirty = ConcurrentHashMap.newKeySet();
    private final Queue<HealthEvent> events = new ConcurrentLinkedQueue<>();

    /** Nodes are lost after {@code missed} {@code interval}s without a heartbeat. */
    public HeartbeatRegistry(Clock clock, Duration interval, int missed) {
        this.clock = clock;
        this.interval = interval;
        this.missed = missed;
    }

    /** The interval nodes are told to heartbeat at. */
    public Duration interval() {
        return interval;
    }

    /**
     * Starts tracking a node known from the store (after a restart): its deadline runs from now, so
     * a node that stays silent is reported lost {@code missed} intervals after the start.
     */
    public void seed(NodeReport report) {
        NodeState state = new NodeState(report, deadlineFrom(clock.instant()));
        nodes.putIfAbsent(report.nodeId(), state);
    }

    /** Records a heartbeat of {@code nodeId} and returns the interval it should wait. */
    public Duration heartbeat(long nodeId, Heartbeat heartbeat) {
        Instant now = clock.instant();
        NodeState state = nodes.computeIfAbsent(nodeId, id -> new NodeState(
                new NodeReport(id, null, null, null, 0, false), deadlineFrom(now)));
        synchronized (state) {
            boolean wasLost = state.lostReported;
            state.lostReported = false;
            NodeReport before = state.report;
            state.report = new NodeReport(nodeId, heartbeat, now, before.lastUpdated(), before.appliedRevision(), true);
            state.deadline = deadlineFrom(now);
            if (wasLost) {
                events.add(new HealthEvent(HealthEvent.Kind.CONTACT_RESTORED, nodeId, now, 0));
            }
            advance(state, heartbeat.appliedRevision(), now);
        }
        dirty.add(nodeId);
        return interval;
    }

    /**
     * Records that {@code nodeId} holds {@code revision} (it asked for what came after it); returns
     * whether that is newer than what it held.
     */
    public boolean applied(long nodeId, long revision) {
        NodeState state = nodes.get(nodeId);
        if (state == null) {
            return false;
        }
        synchronized (state) {
            return advance(state, revision, clock.instant());
        }
    }

    private boolean advance(NodeState state, long revision, Instant now) {
        NodeReport report = state.report;
        boolean newer = revision > report.appliedRevision();
        if (newer) {
            state.report = new NodeReport(report.nodeId(), report.heartbeat(), report.lastContact(), now, revision,
                    report.reachable());
            events.add(new HealthEvent(HealthEvent.Kind.REVISION_APPLIED, report.nodeId(), now, revision));
            dirty.add(report.nodeId());
        }
        return newer;
    }

    /** Marks every node past its deadline as lost, once; returns how many were. */
    public int expire() {
        Instant now = clock.instant();
        int lost = 0;
        for (NodeState state : nodes.values()) {
            synchronized (state) {
                if (state.lostReported || now.isBefore(state.deadline)) {
                    continue;
                }
                state.lostReported = true;
                NodeReport report = state.report;
                state.report = new NodeReport(report.nodeId(), report.heartbeat(), report.lastContact(),
                        report.lastUpdated(), report.appliedRevision(), false);
                events.add(new HealthEvent(HealthEvent.Kind.CONTACT_LOST, report.nodeId(), now, 0));
                dirty.add(report.nodeId());
                lost++;
            }
        }
        return lost;
    }

    /** Stops tracking a deleted node. */
    public void forget(long nodeId) {
        nodes.remove(nodeId);
        dirty.remove(nodeId);
    }

    /** The current report of a node, if it is tracked. */
    public java.util.Optional<NodeReport> report(long nodeId) {
        NodeState state = nodes.get(nodeId);
        if (state == null) {
            return java.util.Optional.empty();
        }
        synchronized (state) {
            return java.util.Optional.of(state.report);
        }
    }

    /** Every tracked node's current report. */
    public List<NodeReport> reports() {
        List<NodeReport> all = new ArrayList<>();
        nodes.keySet().forEach(id -> report(id).ifPresent(all::add));
        return all;
    }

    /** The rows changed and the events since the last drain, in the order they happened. */
    public Drained drain() {
        List<HealthEvent> taken = new ArrayList<>();
        for (HealthEvent event = events.poll(); event != null; event = events.poll()) {
            taken.add(event);
        }
        List<NodeReport> rows = new ArrayList<>();
        for (Long id : List.copyOf(dirty)) {
            dirty.remove(id);
            report(id).ifPresent(rows::add);
        }
        return new Drained(rows, taken);
    }

    private Instant deadlineFrom(Instant now) {
        return now.plus(interval.multipliedBy(missed));
    }

    /** Rows and events to write. */
    public record Drained(List<NodeReport> rows, List<HealthEvent> events) {
        public boolean isEmpty() {
            return rows.isEmpty() && events.isEmpty();
        }
    }

    private static final class NodeState {
        NodeReport report;
        Instant deadline;
        boolean lostReported;

        NodeState(NodeReport report, Instant deadline) {
            this.report = report;
            this.deadline = deadline;
            this.lostReported = !report.reachable() && report.lastContact() != null;
        }
    }
}
