package dev.confab.management.bursting;

import java.time.Instant;
import java.util.Optional;

/** An overflow node with its EC2 instance, its last load and the phase the policy reads from them. */
record OverflowNode(Node node, CloudInstance instance, Optional<NodeLoad> load, NodePhase phase) {

    static OverflowNode of(Node node, CloudInstance instance, Optional<NodeLoad> load, BurstingInput input) {
        return new OverflowNode(node, instance, load, phaseOf(instance, load, input));
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

    private static NodePhase phaseOf(CloudInstance instance, Optional<NodeLoad> load, BurstingInput input) {
        Instant now = input.now();
        BurstingSettings settings = input.settings();
        if (instance.state() == InstanceState.STOPPING) {
            return NodePhase.STOPPING;
        }
        if (instance.stopRequestedSinceStart()) {
            // EC2 describes a stop a moment after accepting it; until then it is on its way down
            return instance.state() == InstanceState.STOPPED ? NodePhase.STOPPED : NodePhase.STOPPING;
        }
        Optional<Instant> startedAt = instance.startedAt();
        boolean withinDeadline = startedAt.map(at -> now.isBefore(at.plus(settings.startDeadline()))).orElse(false);
        if (instance.state() == InstanceState.STOPPED) {
            // a start EC2 accepted shows in DescribeInstances a moment later
            boolean requested = instance.startRequestedAt().isPresent();
            return requested && withinDeadline ? NodePhase.STARTING : NodePhase.STOPPED;
        }
        boolean reportedSinceStart = load.isPresent()
                && startedAt.map(at -> !load.get().reportedAt().isBefore(at)).orElse(true);
        if (reportedSinceStart && load.get().freshAt(now, settings.staleAfter())) {
            return NodePhase.UP;
        }
        if (!reportedSinceStart && withinDeadline) {
            return NodePhase.STARTING;
        }
        if (load.isEmpty() && now.isBefore(input.observedSince().plus(settings.staleAfter()))) {
            return NodePhase.AWAITING_REPORT;
        }
        boolean startedWhileObserving = startedAt.map(at -> !at.isBefore(input.observedSince())).orElse(false);
        return !reportedSinceStart && startedWhileObserving ? NodePhase.STUCK : NodePhase.SILENT;
    }
}
