package dev.confab.management.bursting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One {@link BurstingInput} indexed for the rules: what its {@link PlatformShape} indexed once
 * (locations in name order, each location's nodes, overflow and monitored locations), and for this
 * instant the overflow nodes with their phases and every location's capacity. Built once per decision.
 */
final class Platform {

    private static final OverflowNode[] NONE = new OverflowNode[0];

    private final BurstingInput input;
    private final PlatformShape shape;
    /** By location index: its overflow nodes that have an EC2 instance, in name order. */
    private final OverflowNode[][] overflowNodes;
    private final LocationCapacity[] capacities;
    private final Outlook outlook;

    private Platform(BurstingInput input) {
        this.input = input;
        this.shape = input.shape();
        List<Node> nodes = shape.nodes();
        NodeLoad[] loads = new NodeLoad[nodes.size()];
        for (NodeLoad load : input.loads()) {
            int index = shape.nodeIndex(load.nodeId());
            if (index >= 0) {
                loads[index] = load;
            }
        }
        CloudInstance[] instances = new CloudInstance[nodes.size()];
        for (CloudInstance instance : input.instances()) {
            instances[shape.nodeIndex(instance.nodeId())] = instance;
        }
        int locationCount = shape.locationCount();
        Deadlines deadlines = Deadlines.of(input);
        OverflowNode[] overflow = new OverflowNode[nodes.size()];
        overflowNodes = new OverflowNode[locationCount][];
        capacities = new LocationCapacity[locationCount];
        for (int location = 0; location < locationCount; location++) {
            int[] members = shape.nodesOf(location);
            OverflowNode[] overflowHere = new OverflowNode[members.length];
            int count = 0;
            for (int index : members) {
                Node node = nodes.get(index);
                if (node.bursting() && instances[index] != null) {
                    overflow[index] = OverflowNode.of(node, instances[index], Optional.ofNullable(loads[index]),
                            deadlines);
                    overflowHere[count++] = overflow[index];
                }
            }
            overflowNodes[location] = count == 0 ? NONE : count == members.length ? overflowHere
                    : Arrays.copyOf(overflowHere, count);
            capacities[location] = LocationCapacity.of(shape.nodesOf(location), nodes, loads, overflow, deadlines,
                    input);
        }
        this.outlook = new Outlook(this);
    }

    static Platform of(BurstingInput input) {
        return new Platform(input);
    }

    BurstingInput input() {
        return input;
    }

    BurstingSettings settings() {
        return input.settings();
    }

    /** Every location, in name order: shared, not to be modified. */
    Location[] locations() {
        return shape.locationsInNameOrder();
    }

    String name(long locationId) {
        return shape.location(locationId).name();
    }

    /** Arrival rates, start latencies, effective thresholds and pre-warm targets. */
    Outlook outlook() {
        return outlook;
    }

    LocationCapacity capacity(long locationId) {
        return capacities[shape.index(locationId)];
    }

    /** The overflow nodes of a location that have an EC2 instance, in name order: not to be modified. */
    OverflowNode[] overflowNodes(long locationId) {
        return overflowNodes[shape.index(locationId)];
    }

    Optional<OverflowNode> overflowNode(String instanceId) {
        for (OverflowNode[] nodes : overflowNodes) {
            for (OverflowNode node : nodes) {
                if (node.instance().instanceId().equals(instanceId)) {
                    return Optional.of(node);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the location holds overflow (bursting) nodes: it is an overflow location. */
    boolean isOverflow(Location location) {
        return shape.isOverflow(location.id());
    }

    /** Whether it holds always-on nodes and its primary overflow location holds overflow nodes. */
    boolean isMonitored(Location location) {
        return shape.isMonitored(location.id());
    }

    /** Whether the policy starts nodes of this overflow location itself: it is someone's primary overflow. */
    boolean startsAutomatically(Location overflow) {
        return shape.startsAutomatically(overflow.id());
    }

    /** The monitored locations overflowing first to {@code overflow}, in name order: not to be modified. */
    Location[] overflowingFirstTo(Location overflow) {
        return shape.overflowingFirstTo(overflow.id());
    }

    /**
     * The monitored locations overflowing first to {@code overflow} whose free HD calls reached their
     * (effective) threshold.
     */
    List<Location> locationsInNeed(Location overflow) {
        List<Location> inNeed = null;
        for (Location location : overflowingFirstTo(overflow)) {
            LocationCapacity capacity = capacity(location.id());
            if (capacity.evaluated() && capacity.freeHdCalls() <= outlook.monitoredThreshold(location)) {
                if (inNeed == null) {
                    inNeed = new ArrayList<>();
                }
                inNeed.add(location);
            }
        }
        return inNeed == null ? List.of() : inNeed;
    }

    /**
     * The overflow location's nodes up, on their way up, or running without a fresh load: all but
     * stopped, stopping and given up on.
     */
    int servingOrStarting(Location overflow) {
        int count = 0;
        for (OverflowNode node : overflowNodes(overflow.id())) {
            count += node.phase().runningOrStarting() && node.phase() != NodePhase.STUCK ? 1 : 0;
        }
        return count;
    }

    /** Overflow nodes running or on their way up, as the guardrail counts them. */
    int runningOrStarting() {
        int count = 0;
        for (OverflowNode[] nodes : overflowNodes) {
            for (OverflowNode node : nodes) {
                count += node.phase().runningOrStarting() ? 1 : 0;
            }
        }
        return count;
    }
}
