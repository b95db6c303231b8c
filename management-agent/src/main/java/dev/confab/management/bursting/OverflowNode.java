package dev.confab.management.bursting;

import java.time.Instant;
import java.util.Optional;

/** An overflow node with its EC2 instance, its last load and the phase the policy reads from them. */
record OverflowNode(Node node, CloudInstance instance, Optional<NodeLoad> load, NodePhase phase) {

    static OverflowNode of(Node node, CloudInstance instance, Optional<NodeLoad> load, Deadlines deadlines) {
        return new OverflowNode(node, instance, load, phaseOf(instance, load, deadlines));
    }

    /** The free HD calls it adds to its location: only when up, and not in maintenance. */
    int freeHdCalls() {
        return phase == NodePhase.UP && !node.maintenance() ? load.orElseThrow().freeHdCalls(node.capacityTokens()) : 0;
    }

    /** The HD calls it will add once it reports: only while starting, and not in maintenance. */
    int startingHdCalls() {
        return phase.pending() && !node.maintenance() ? node.capacityHdCalls() : 0;
    }

    /** The node's name with its instance, as every reason names it: {@code overflow-1a (i-0a)}. */
    String label() {
        return node.name() + " (" + instance.instanceId() + ")";
    }

    private static NodePhase phaseOf(CloudInstance instance, Optional<NodeLoad> load, Deadlines deadlines) {
        if (instance.state() == InstanceState.STOPPING) {
            return NodePhase.STOPPING;
        }
        if (instance.stopRequestedSinceStart()) {
            // EC2 describes a stop a moment after accepting it; until then it is on its way down
            return instance.state() == InstanceState.STOPPED ? NodePhase.STOPPED : NodePhase.STOPPING;
        }
        Optional<Instant> startedAt = instance.startedAt();
        boolean withinDeadline = startedAt.isPresent() && deadlines.withinStartDeadline(startedAt.get());
        if (instance.state() == InstanceState.STOPPED) {
            // a start EC2 accepted shows in DescribeInstances a moment later
            boolean requested = instance.startRequestedAt().isPresent();
            return requested && withinDeadline ? NodePhase.STARTING : NodePhase.STOPPED;
        }
        boolean reportedSinceStart = load.isPresent()
                && (startedAt.isEmpty() || !load.get().reportedAt().isBefore(startedAt.get()));
        if (reportedSinceStart && deadlines.fresh(load.get())) {
            return NodePhase.UP;
        }
        if (!reportedSinceStart && withinDeadline) {
            return NodePhase.STARTING;
        }
        if (load.isEmpty() && deadlines.inRestartGrace()) {
            return NodePhase.AWAITING_REPORT;
        }
        boolean startedWhileObserving = startedAt.isPresent() && !startedAt.get().isBefore(deadlines.observedSince());
        return !reportedSinceStart && startedWhileObserving ? NodePhase.STUCK : NodePhase.SILENT;
    }
}
