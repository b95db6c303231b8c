package dev.confab.management.bursting;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything the bursting policy decides on, at one instant: the platform (locations, nodes), what
 * it is doing (loads, EC2 instances, recent EC2 errors), the settings and the time. Immutable.
 *
 * @param loads         the last load report of each node that has reported since {@code observedSince};
 *                      a node without one has an unknown load
 * @param instances     the EC2 instance of each overflow node that has one
 * @param ec2Errors     EC2 calls that failed, at least those within the circuit breaker's window
 *                      and cool-down before {@code now}
 * @param observedSince when this Management Node began receiving load reports (its start, or the
 *                      start of a simulation): until {@code settings.staleAfter()} past it, a node
 *                      that has not reported yet is awaited rather than taken for lost
 * @param now           the instant the decision is for
 * @param foresight     measured starts, recent arrivals and pre-warm schedules ({@link Foresight#none()}
 *                      when the caller has none)
 */
public record BurstingInput(List<Location> locations, List<Node> nodes, List<NodeLoad> loads,
                            List<CloudInstance> instances, List<Ec2Error> ec2Errors, BurstingSettings settings,
                            Instant observedSince, Instant now, Foresight foresight) {

    public BurstingInput {
        locations = List.copyOf(locations);
        nodes = List.copyOf(nodes);
        loads = List.copyOf(loads);
        instances = List.copyOf(instances);
        ec2Errors = List.copyOf(ec2Errors);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(observedSince, "observedSince");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(foresight, "foresight");
        requireConsistent(locations, nodes, loads, instances);
        requireConsistent(foresight, locations, nodes);
    }

    /** The platform with nothing measured or scheduled to plan ahead with. */
    public BurstingInput(List<Location> locations, List<Node> nodes, List<NodeLoad> loads,
                         List<CloudInstance> instances, List<Ec2Error> ec2Errors, BurstingSettings settings,
                         Instant observedSince, Instant now) {
        this(locations, nodes, loads, instances, ec2Errors, settings, observedSince, now, Foresight.none());
    }

    /** The same platform at another instant: the loads, instances and errors as they were. */
    public BurstingInput at(Instant instant) {
        return new BurstingInput(locations, nodes, loads, instances, ec2Errors, settings, observedSince, instant,
                foresight);
    }

    /** The same input with {@code value} to plan ahead with. */
    public BurstingInput with(Foresight value) {
        return new BurstingInput(locations, nodes, loads, instances, ec2Errors, settings, observedSince, now, value);
    }

    private static void requireConsistent(List<Location> locations, List<Node> nodes, List<NodeLoad> loads,
                                          List<CloudInstance> instances) {
        Set<Long> locationIds = unique("location", locations, Location::id);
        for (Location location : locations) {
            location.primaryOverflow().ifPresent(id -> requireKnown(locationIds, id, "overflow location", location.name()));
            location.secondaryOverflow().ifPresent(id -> requireKnown(locationIds, id, "overflow location", location.name()));
        }
        Set<Long> nodeIds = unique("node", nodes, Node::id);
        for (Node node : nodes) {
            requireKnown(locationIds, node.locationId(), "location", node.name());
        }
        unique("load report of node", loads, NodeLoad::nodeId);
        unique("instance", instances, CloudInstance::instanceId);
        unique("instance of node", instances, CloudInstance::nodeId);
        for (CloudInstance instance : instances) {
            requireKnown(nodeIds, instance.nodeId(), "node", instance.instanceId());
        }
    }

    private static void requireConsistent(Foresight foresight, List<Location> locations, List<Node> nodes) {
        Set<Long> locationIds = new HashSet<>();
        locations.forEach(location -> locationIds.add(location.id()));
        Set<Long> nodeIds = new HashSet<>();
        nodes.forEach(node -> nodeIds.add(node.id()));
        unique("arrivals of location", foresight.arrivals(), Arrivals::locationId);
        foresight.arrivals().forEach(arrivals -> requireKnown(locationIds, arrivals.locationId(), "location",
                "Arrivals"));
        foresight.startLatencies().forEach(latency -> requireKnown(nodeIds, latency.nodeId(), "node",
                "A measured start"));
        foresight.schedules().forEach(schedule -> requireKnown(locationIds, schedule.locationId(), "location",
                "Pre-warm schedule " + schedule.name()));
    }

    private static <T, K> Set<K> unique(String what, List<T> items, Function<T, K> key) {
        Set<K> seen = new HashSet<>();
        for (T item : items) {
            if (!seen.add(key.apply(item))) {
                throw new IllegalArgumentException("The bursting input names " + what + " " + key.apply(item)
                        + " twice");
            }
        }
        return seen;
    }

    private static void requireKnown(Set<Long> ids, long id, String what, String referrer) {
        if (!ids.contains(id)) {
            throw new IllegalArgumentException(referrer + " refers to " + what + " " + id
                    + ", which is not in the bursting input");
        }
    }
}
