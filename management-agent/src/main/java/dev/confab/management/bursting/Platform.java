package dev.confab.management.bursting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One {@link BurstingInput} indexed for the rules: locations in name order, each location's nodes,
 * overflow nodes with their phases, and every location's capacity. Built once per decision.
 */
final class Platform {

    private static final Comparator<Location> BY_LOCATION_NAME =
            Comparator.comparing(Location::name).thenComparingLong(Location::id);
    private static final Comparator<Node> BY_NODE_NAME = Comparator.comparing(Node::name).thenComparingLong(Node::id);

    private final BurstingInput input;
    private final List<Location> locations;
    private final Map<Long, Location> locationsById;
    private final Map<Long, List<OverflowNode>> overflowNodesByLocation = new HashMap<>();
    private final Map<String, OverflowNode> overflowNodesByInstance = new HashMap<>();
    private final Map<Long, LocationCapacity> capacities = new HashMap<>();
    private final Set<Long> burstingLocations = new HashSet<>();
    private final Set<Long> alwaysOnLocations = new HashSet<>();
    private final Map<Long, List<Location>> byPrimaryOverflow = new HashMap<>();
    private final Outlook outlook;

    private Platform(BurstingInput input) {
        this.input = input;
        this.locations = input.locations().stream().sorted(BY_LOCATION_NAME).toList();
        this.locationsById = input.locations().stream().collect(Collectors.toMap(Location::id, Function.identity()));
        Map<Long, NodeLoad> loads = new HashMap<>(2 * input.loads().size());
        input.loads().forEach(load -> loads.put(load.nodeId(), load));
        Map<Long, CloudInstance> instances = new HashMap<>(2 * input.instances().size());
        input.instances().forEach(instance -> instances.put(instance.nodeId(), instance));
        Map<Long, List<Node>> nodesByLocation = new HashMap<>(2 * locations.size());
        for (Node node : input.nodes()) {
            nodesByLocation.computeIfAbsent(node.locationId(), id -> new ArrayList<>()).add(node);
            (node.bursting() ? burstingLocations : alwaysOnLocations).add(node.locationId());
        }
        Map<Long, OverflowNode> overflowNodes = new HashMap<>(2 * instances.size());
        for (List<Node> nodes : nodesByLocation.values()) {
            // each location's nodes in name order: the order nodes are started and stopped in
            nodes.sort(BY_NODE_NAME);
            for (Node node : nodes) {
                CloudInstance instance = instances.get(node.id());
                if (node.bursting() && instance != null) {
                    OverflowNode overflow = OverflowNode.of(node, instance, Optional.ofNullable(loads.get(node.id())),
                            input);
                    overflowNodes.put(node.id(), overflow);
                    overflowNodesByInstance.put(instance.instanceId(), overflow);
                    overflowNodesByLocation.computeIfAbsent(node.locationId(), id -> new ArrayList<>()).add(overflow);
                }
            }
        }
        for (Location location : locations) {
            location.primaryOverflow().ifPresent(overflow ->
                    byPrimaryOverflow.computeIfAbsent(overflow, id -> new ArrayList<>()).add(location));
            capacities.put(location.id(), LocationCapacity.of(nodesByLocation.getOrDefault(location.id(), List.of()),
                    loads, overflowNodes, input));
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

    /** Every location, in name order. */
    List<Location> locations() {
        return locations;
    }

    String name(long locationId) {
        return locationsById.get(locationId).name();
    }

    /** Arrival rates, start latencies, effective thresholds and pre-warm targets. */
    Outlook outlook() {
        return outlook;
    }

    LocationCapacity capacity(long locationId) {
        return capacities.get(locationId);
    }

    /** The overflow nodes of a location that have an EC2 instance, in name order. */
    List<OverflowNode> overflowNodes(long locationId) {
        return overflowNodesByLocation.getOrDefault(locationId, List.of());
    }

    Optional<OverflowNode> overflowNode(String instanceId) {
        return Optional.ofNullable(overflowNodesByInstance.get(instanceId));
    }

    /** Whether the location holds overflow (bursting) nodes: it is an overflow location. */
    boolean isOverflow(Location location) {
        return burstingLocations.contains(location.id());
    }

    /** Whether it holds always-on nodes and its primary overflow location holds overflow nodes. */
    boolean isMonitored(Location location) {
        return alwaysOnLocations.contains(location.id())
                && location.primaryOverflow().map(burstingLocations::contains).orElse(false);
    }

    /** Whether the policy starts nodes of this overflow location itself: it is someone's primary overflow. */
    boolean startsAutomatically(Location overflow) {
        return isOverflow(overflow) && byPrimaryOverflow.containsKey(overflow.id());
    }

    /** The monitored locations overflowing first to {@code overflow}. */
    List<Location> overflowingFirstTo(Location overflow) {
        return byPrimaryOverflow.getOrDefault(overflow.id(), List.of()).stream().filter(this::isMonitored).toList();
    }

    /**
     * The monitored locations overflowing first to {@code overflow} whose free HD calls reached their
     * (effective) threshold.
     */
    List<Location> locationsInNeed(Location overflow) {
        return overflowingFirstTo(overflow).stream()
                .filter(location -> capacity(location.id()).evaluated())
                .filter(location -> capacity(location.id()).freeHdCalls() <= outlook.monitoredThreshold(location))
                .toList();
    }

    /** Overflow nodes running or on their way up, as the guardrail counts them. */
    int runningOrStarting() {
        return (int) overflowNodesByInstance.values().stream().filter(node -> node.phase().runningOrStarting()).count();
    }
}
