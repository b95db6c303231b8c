package dev.confab.management.bursting;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Everything the bursting policy decides on, at one instant: the platform (its shape: locations,
 * nodes), what it is doing (loads, EC2 instances, recent EC2 errors), the settings and the time.
 * Immutable.
 *
 * @param shape         the locations and nodes, checked and indexed; a caller that decides again and
 *                      again on the same ones gives the same shape each time
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
public record BurstingInput(PlatformShape shape, List<NodeLoad> loads, List<CloudInstance> instances,
                            List<Ec2Error> ec2Errors, BurstingSettings settings, Instant observedSince, Instant now,
                            Foresight foresight) {

    public BurstingInput {
        Objects.requireNonNull(shape, "shape");
        loads = List.copyOf(loads);
        instances = List.copyOf(instances);
        ec2Errors = List.copyOf(ec2Errors);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(observedSince, "observedSince");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(foresight, "foresight");
        requireConsistent(shape, loads, instances);
        requireConsistent(foresight, shape);
    }

    /** The platform of these locations and nodes (see {@link PlatformShape#of}), at one instant. */
    public BurstingInput(List<Location> locations, List<Node> nodes, List<NodeLoad> loads,
                         List<CloudInstance> instances, List<Ec2Error> ec2Errors, BurstingSettings settings,
                         Instant observedSince, Instant now, Foresight foresight) {
        this(PlatformShape.of(locations, nodes), loads, instances, ec2Errors, settings, observedSince, now, foresight);
    }

    /** The platform with nothing measured or scheduled to plan ahead with. */
    public BurstingInput(List<Location> locations, List<Node> nodes, List<NodeLoad> loads,
                         List<CloudInstance> instances, List<Ec2Error> ec2Errors, BurstingSettings settings,
                         Instant observedSince, Instant now) {
        this(locations, nodes, loads, instances, ec2Errors, settings, observedSince, now, Foresight.none());
    }

    public List<Location> locations() {
        return shape.locations();
    }

    public List<Node> nodes() {
        return shape.nodes();
    }

    /** The same platform at another instant: the loads, instances and errors as they were. */
    public BurstingInput at(Instant instant) {
        return new BurstingInput(shape, loads, instances, ec2Errors, settings, observedSince, instant, foresight);
    }

    /** The same input with {@code value} to plan ahead with. */
    public BurstingInput with(Foresight value) {
        return new BurstingInput(shape, loads, instances, ec2Errors, settings, observedSince, now, value);
    }

    private static void requireConsistent(PlatformShape shape, List<NodeLoad> loads, List<CloudInstance> instances) {
        unique("load report of node", loads, NodeLoad::nodeId, shape::nodeIndex, shape.nodeCount());
        if (sharesHash(instances)) {
            PlatformShape.unique("instance", instances, CloudInstance::instanceId);
        }
        unique("instance of node", instances, CloudInstance::nodeId, shape::nodeIndex, shape.nodeCount());
        for (CloudInstance instance : instances) {
            if (shape.nodeIndex(instance.nodeId()) < 0) {
                throw PlatformShape.unknown(instance.nodeId(), "node", instance.instanceId());
            }
        }
    }

    private static void requireConsistent(Foresight foresight, PlatformShape shape) {
        unique("arrivals of location", foresight.arrivals(), Arrivals::locationId, shape::index, shape.locationCount());
        for (Arrivals arrivals : foresight.arrivals()) {
            if (shape.index(arrivals.locationId()) < 0) {
                throw PlatformShape.unknown(arrivals.locationId(), "location", "Arrivals");
            }
        }
        for (StartLatency latency : foresight.startLatencies()) {
            if (shape.nodeIndex(latency.nodeId()) < 0) {
                throw PlatformShape.unknown(latency.nodeId(), "node", "A measured start");
            }
        }
        for (PrewarmSchedule schedule : foresight.schedules()) {
            if (shape.index(schedule.locationId()) < 0) {
                throw PlatformShape.unknown(schedule.locationId(), "location", "Pre-warm schedule " + schedule.name());
            }
        }
    }

    /** Whether two instance ids have the same hash: only then may one be named twice. */
    private static boolean sharesHash(List<CloudInstance> instances) {
        int[] hashes = new int[instances.size()];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = instances.get(i).instanceId().hashCode();
        }
        Arrays.sort(hashes);
        for (int i = 1; i < hashes.length; i++) {
            if (hashes[i] == hashes[i - 1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Refuses two items of one node or location: {@code index} gives an id's position among
     * {@code count}, -1 for one not in the shape (those count too).
     */
    private static <T> void unique(String what, List<T> items, ToLongFunction<T> itemId, LongToIntFunction index,
                                   int count) {
        boolean[] seen = new boolean[count];
        Set<Long> others = null;
        for (int i = 0; i < items.size(); i++) {
            long id = itemId.applyAsLong(items.get(i));
            int position = index.applyAsInt(id);
            if (position < 0 && others == null) {
                others = new HashSet<>();
            }
            boolean first = position >= 0 ? !seen[position] : others.add(id);
            if (position >= 0) {
                seen[position] = true;
            }
            if (!first) {
                throw new IllegalArgumentException("The bursting input names " + what + " " + id + " twice");
            }
        }
    }
}
