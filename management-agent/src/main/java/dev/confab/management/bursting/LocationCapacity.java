package dev.confab.management.bursting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A location's capacity from its nodes' loads: free and maximum HD calls of the nodes that serve
 * (always-on nodes with a fresh load, overflow nodes up and reporting), HD calls starting, and
 * notes on the nodes whose load is not counted.
 *
 * @param servingNodes nodes whose capacity is counted
 * @param silentNodes  overflow nodes running without a fresh load since their start (stuck or stale)
 * @param awaiting     an always-on node has not reported yet since the Management Node started, and
 *                     is still within the staleness limit: the location is not judged before it has
 */
record LocationCapacity(int freeHdCalls, int maxHdCalls, int startingHdCalls, int servingNodes, int silentNodes,
                        boolean hasAlwaysOn, boolean awaiting, List<String> notes) {

    /** Whether its free HD calls are known well enough to start a node on them. */
    boolean evaluated() {
        return servingNodes > 0 && !awaiting;
    }

    /** Its state as a monitored location: its own free HD calls against the threshold. */
    LocationState monitoredState(int threshold) {
        return evaluated() ? LocationState.of(freeHdCalls, threshold) : unknownState();
    }

    /** Its state as an overflow location: free and starting HD calls (planned starts included) together. */
    LocationState overflowState(int threshold, int plannedHdCalls) {
        int starting = startingHdCalls + plannedHdCalls;
        return servingNodes == 0 && starting == 0 ? unknownState() : LocationState.of(freeHdCalls + starting, threshold);
    }

    private LocationState unknownState() {
        return hasAlwaysOn || silentNodes > 0 ? LocationState.LOAD_UNKNOWN : LocationState.NO_NODE_RUNNING;
    }

    /**
     * @param members   the location's nodes: their indexes in {@code nodes}, in name order
     * @param loads     each node's last load by its index in {@code nodes}, null if none
     * @param overflow  each overflow node with an EC2 instance by its index in {@code nodes}, else null
     */
    static LocationCapacity of(int[] members, List<Node> nodes, NodeLoad[] loads, OverflowNode[] overflow,
                               Deadlines deadlines, BurstingInput input) {
        int free = 0;
        int max = 0;
        int starting = 0;
        int serving = 0;
        int silent = 0;
        boolean alwaysOn = false;
        boolean awaiting = false;
        List<String> notes = null;
        boolean inRestartGrace = deadlines.inRestartGrace();
        for (int index : members) {
            Node node = nodes.get(index);
            if (node.bursting()) {
                OverflowNode up = overflow[index];
                if (up == null) {
                    continue;
                }
                if (up.phase() == NodePhase.UP) {
                    serving++;
                    free += up.freeHdCalls();
                    max += node.capacityHdCalls();
                }
                starting += up.startingHdCalls();
                silent += up.phase() == NodePhase.STUCK || up.phase() == NodePhase.SILENT ? 1 : 0;
                Optional<String> note = overflowNote(up, input);
                if (note.isPresent()) {
                    notes = noted(notes, note.get());
                }
                continue;
            }
            alwaysOn = true;
            NodeLoad load = loads[index];
            if (load != null && deadlines.fresh(load)) {
                serving++;
                free += node.maintenance() ? 0 : load.freeHdCalls(node.capacityTokens());
                max += node.capacityHdCalls();
            } else if (load != null) {
                notes = noted(notes, node.name() + "'s load is stale (last report at " + Texts.instant(load.reportedAt())
                        + "): it counts as no free capacity");
            } else if (inRestartGrace && !node.maintenance()) {
                awaiting = true;
                notes = noted(notes, "waiting for the first load report of " + node.name()
                        + " since the Management Node started");
            } else {
                notes = noted(notes, node.name() + " has not reported its load since the Management Node started:"
                        + " it counts as no free capacity");
            }
        }
        return new LocationCapacity(free, max, starting, serving, silent, alwaysOn, awaiting,
                notes == null ? List.of() : notes);
    }

    /** {@code notes} with {@code note} added; the list is made with the first note. */
    private static List<String> noted(List<String> notes, String note) {
        List<String> list = notes == null ? new ArrayList<>() : notes;
        list.add(note);
        return list;
    }

    private static Optional<String> overflowNote(OverflowNode overflow, BurstingInput input) {
        return switch (overflow.phase()) {
            case STUCK -> Optional.of(overflow.label() + " was started at "
                    + Texts.instant(overflow.instance().startedAt().orElseThrow()) + " and has not reported within "
                    + Texts.duration(input.settings().startDeadline()) + ": another node is started in its place if"
                    + " capacity is needed, and it is not stopped");
            case SILENT -> Optional.of(overflow.load()
                    .map(load -> overflow.label() + " is running with a stale load (last report at "
                            + Texts.instant(load.reportedAt()) + "): it is not stopped")
                    .orElse(overflow.label() + " is running and has not reported its load since the Management Node"
                            + " started: it is not stopped"));
            default -> Optional.empty();
        };
    }
}
