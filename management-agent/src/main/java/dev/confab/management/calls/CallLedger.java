package dev.confab.management.calls;

import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.HeartbeatAnswer;
import dev.confab.shared.wire.LicenceRequest;
import dev.confab.shared.wire.ParticipantReport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every call of the platform as the Management Node counts it, by signalling node: the arbiter of
 * the platform's concurrent-call licences and of each conference's participant limit. A call is
 * counted from its licence grant; a node's report then says which of its calls go on: a call it no
 * longer lists has ended, unless the node asked its licence after it made the report. A node's
 * calls belong to its calls' generation ({@link Heartbeat.Calls#incarnation()}): when the node is
 * declared lost, or reports a new generation (it started anew), every call of the old generation
 * that it signals or hosts ends here, and the ended generation is answered to every node for a
 * while so they end those calls too. Time comes from the injected clock. Thread-safe: every method
 * runs under one lock.
 */
final class CallLedger {

    /** How a node's licence request was answered. */
    record Grant(boolean granted, String refusal) {
    }

    private record Ended(HeartbeatAnswer.EndedNode node, Instant at) {
    }

    /** What the ledger knows of one signalling node. */
    private static final class NodeCalls {
        final String name;
        String incarnation;
        long lastReport;
        final Map<String, LedgerEntry> entries = new LinkedHashMap<>();

        NodeCalls(String name, String incarnation) {
            this.name = name;
            this.incarnation = incarnation;
        }
    }

    private final Clock clock;
    private final Supplier<LicenceTotals> totals;
    private final Duration endedKept;
    private final CallFlow flow;
    // guarded by this
    private final Map<Long, NodeCalls> nodes = new HashMap<>();
    private final Map<String, Integer> byConference = new HashMap<>();
    private final Deque<Ended> ended = new ArrayDeque<>();
    private final Map<String, String> endReasons = new HashMap<>();
    /** Calls that ended here, which a report made before they ended must not bring back. */
    private final Map<String, Boolean> endedCalls = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > ENDED_CALLS_KEPT;
        }
    };
    private static final int ENDED_CALLS_KEPT = 100_000;
    private int portsUsed;
    private int audioUsed;
    private long version;

    /** {@code totals}: the licences installed now; ended generations are answered for {@code endedKept}. */
    CallLedger(Clock clock, Supplier<LicenceTotals> totals, Duration endedKept) {
        this(clock, totals, endedKept, new CallFlow(clock));
    }

    /** … counting every admission and end in {@code flow}. */
    CallLedger(Clock clock, Supplier<LicenceTotals> totals, Duration endedKept, CallFlow flow) {
        this.clock = clock;
        this.totals = totals;
        this.endedKept = endedKept;
        this.flow = flow;
    }

    /**
     * A licence for one call of node {@code nodeId}: granted while the active licences have a port
     * (or, for an audio-only call, an audio licence or a port) free and the conference is under its
     * participant limit; a call already counted is granted again.
     */
    synchronized Grant licence(long nodeId, String nodeName, LicenceRequest request) {
        NodeCalls node = node(nodeId, nodeName, request.incarnation());
        if (node == null) {
            return new Grant(false, "this node was declared lost: it ends its calls and reports a new generation"
                    + " with its next heartbeat; try again then");
        }
        ParticipantReport call = request.participant();
        if (node.entries.containsKey(call.uuid())) {
            return new Grant(true, null);
        }
        Integer limit = request.participantLimit();
        if (limit != null && byConference.getOrDefault(call.conference(), 0) >= limit) {
            return new Grant(false, "capacity exceeded: the participant limit of " + call.conference() + " ("
                    + limit + ") is reached");
        }
        Optional<LedgerEntry.LicenceKind> licence = freeLicence(call.callType());
        if (licence.isEmpty()) {
            return new Grant(false, licenceRefusal());
        }
        add(node, new LedgerEntry(nodeId, call, request.sequence(), licence.get(), clock.instant()));
        flow.admitted(nodeId, call.callType());
        return new Grant(true, null);
    }

    private Optional<LedgerEntry.LicenceKind> freeLicence(String callType) {
        LicenceTotals installed = totals.get();
        if (callType.equals("audio") && audioUsed < installed.audio()) {
            return Optional.of(LedgerEntry.LicenceKind.AUDIO);
        }
        return portsUsed < installed.ports() ? Optional.of(LedgerEntry.LicenceKind.PORT) : Optional.empty();
    }

    private String licenceRefusal() {
        LicenceTotals installed = totals.get();
        if (installed.ports() + installed.audio() == 0) {
            return "capacity exceeded: no call licence is active; add one (Platform > Licences, or the licence"
                    + " resource of the management API)";
        }
        return "capacity exceeded: all " + installed.ports() + " call licences are in use";
    }

    /**
     * Takes in the calls node {@code nodeId} reports; returns true when the node's generation had
     * ended (it was declared lost), which its answer tells it.
     */
    synchronized boolean report(long nodeId, String nodeName, Heartbeat.Calls calls) {
        NodeCalls node = node(nodeId, nodeName, calls.incarnation());
        if (node == null) {
            return true;
        }
        if (calls.sequence() < node.lastReport) {
            return false; // an older report overtaken by a newer one
        }
        node.lastReport = calls.sequence();
        Map<String, ParticipantReport> listed = new LinkedHashMap<>();
        calls.participants().forEach(call -> listed.put(call.uuid(), call));
        for (LedgerEntry entry : List.copyOf(node.entries.values())) {
            ParticipantReport latest = listed.remove(entry.report().uuid());
            if (latest != null) {
                if (!latest.equals(entry.report())) {
                    node.entries.put(latest.uuid(), entry.reported(latest));
                    version++;
                }
            } else if (entry.granted() <= calls.sequence()) {
                remove(node, entry, "ended");
            }
        }
        // placed calls the ledger does not count: the Management Node restarted while they went on
        for (ParticipantReport call : listed.values()) {
            if (call.placed() && !endedCalls.containsKey(call.uuid())) {
                LedgerEntry.LicenceKind licence = freeLicence(call.callType()).orElse(LedgerEntry.LicenceKind.PORT);
                add(node, new LedgerEntry(nodeId, call, 0, licence, clock.instant()));
            }
        }
        return false;
    }

    /**
     * The node's calls, switching to {@code incarnation} when the node started anew; null when
     * that generation has ended (the node was declared lost and has not started a new one yet).
     */
    private NodeCalls node(long nodeId, String name, String incarnation) {
        NodeCalls node = nodes.get(nodeId);
        if (node == null) {
            node = new NodeCalls(name, incarnation);
            nodes.put(nodeId, node);
            return node;
        }
        if (node.incarnation.equals(incarnation)) {
            return isEnded(name, incarnation) ? null : node;
        }
        if (isEnded(name, incarnation)) {
            return null;
        }
        if (!isEnded(node.name, node.incarnation)) {
            end(nodeId, node, "the node started anew");
        }
        node.incarnation = incarnation;
        node.lastReport = 0;
        return node;
    }

    /** Node {@code nodeId} was declared lost: its generation's calls end, signalled or hosted. */
    synchronized void nodeLost(long nodeId) {
        NodeCalls node = nodes.get(nodeId);
        if (node != null && !isEnded(node.name, node.incarnation)) {
            end(nodeId, node, "node declared lost");
        }
    }

    /** A deleted node: its calls end and it is forgotten. */
    synchronized void forget(long nodeId) {
        nodeLost(nodeId);
        nodes.remove(nodeId);
    }

    private void end(long nodeId, NodeCalls node, String reason) {
        node.entries.values().stream().toList().forEach(entry -> remove(node, entry, reason));
        for (NodeCalls other : nodes.values()) {
            if (other != node) {
                other.entries.values().stream().filter(entry -> entry.report().mediaNode().equals(node.name)).toList()
                        .forEach(entry -> remove(other, entry, "media node " + node.name + ": " + reason));
            }
        }
        ended.addLast(new Ended(new HeartbeatAnswer.EndedNode(node.name, node.incarnation), clock.instant()));
        version++;
    }

    private boolean isEnded(String name, String incarnation) {
        prune();
        return ended.stream().anyMatch(entry -> entry.node().name().equals(name)
                && entry.node().incarnation().equals(incarnation));
    }

    /** The generations that ended lately, for every node's heartbeat answer. */
    synchronized List<HeartbeatAnswer.EndedNode> ended() {
        prune();
        return ended.stream().map(Ended::node).toList();
    }

    private void prune() {
        Instant oldest = clock.instant().minus(endedKept);
        while (!ended.isEmpty() && ended.peekFirst().at().isBefore(oldest)) {
            ended.removeFirst();
        }
    }

    private void add(NodeCalls node, LedgerEntry entry) {
        node.entries.put(entry.report().uuid(), entry);
        byConference.merge(entry.report().conference(), 1, Integer::sum);
        if (entry.licence() == LedgerEntry.LicenceKind.AUDIO) {
            audioUsed++;
        } else {
            portsUsed++;
        }
        version++;
    }

    private void remove(NodeCalls node, LedgerEntry entry, String reason) {
        if (node.entries.remove(entry.report().uuid()) == null) {
            return;
        }
        byConference.computeIfPresent(entry.report().conference(), (name, count) -> count == 1 ? null : count - 1);
        if (entry.licence() == LedgerEntry.LicenceKind.AUDIO) {
            audioUsed--;
        } else {
            portsUsed--;
        }
        if (entry.report().placed()) {
            endReasons.put(entry.report().uuid(), reason);
        }
        endedCalls.put(entry.report().uuid(), Boolean.TRUE);
        flow.ended(entry.nodeId(), entry.report().callType());
        version++;
    }

    /** Calls of node {@code nodeId} that it has ended as it was asked: they end here at once. */
    synchronized void disconnected(long nodeId, List<String> uuids) {
        NodeCalls node = nodes.get(nodeId);
        if (node == null) {
            return;
        }
        for (String uuid : uuids) {
            LedgerEntry entry = node.entries.get(uuid);
            if (entry != null) {
                remove(node, entry, "disconnected");
            }
        }
    }

    /** Every call counted that {@code matches} selects. */
    synchronized List<LedgerEntry> entries(Predicate<LedgerEntry> matches) {
        List<LedgerEntry> found = new ArrayList<>();
        nodes.values().forEach(node -> node.entries.values().stream().filter(matches).forEach(found::add));
        return found;
    }

    /** Why the calls that ended since the last call ended ("ended", "node declared lost" …), by participant id. */
    synchronized Map<String, String> drainEndReasons() {
        Map<String, String> reasons = Map.copyOf(endReasons);
        endReasons.clear();
        return reasons;
    }

    /** Counts every change, so a reader can tell whether anything changed since it last looked. */
    synchronized long version() {
        return version;
    }

    synchronized LicensingStatus licensing() {
        LicenceTotals installed = totals.get();
        return new LicensingStatus(portsUsed, installed.ports(), audioUsed, installed.audio());
    }
}
