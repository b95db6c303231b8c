package dev.confab.management.bursting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The platform's shape as the bursting policy sees it — its locations and nodes — checked and
 * indexed once: locations in name order, each location's nodes in name order (the order nodes are
 * started and stopped in), which locations are overflow and monitored locations, and which overflow
 * first to which. A caller whose locations and nodes stay the same from one decision to the next
 * (the replay simulator always, the Management Node's scheduler until the configuration or a node
 * changes) gives the same shape to every {@link BurstingInput}; the policy then indexes only what
 * changes: loads, instances, errors and the time. Immutable; thread-safe.
 */
public final class PlatformShape {

    private static final Comparator<Location> BY_LOCATION_NAME =
            Comparator.comparing(Location::name).thenComparingLong(Location::id);
    private static final Comparator<Node> BY_NODE_NAME = Comparator.comparing(Node::name).thenComparingLong(Node::id);

    private final List<Location> locations;
    private final List<Node> nodes;
    private final Ids locationIndex;
    private final Ids nodeIndex;
    /** By location index (name order): the indexes of its nodes, in name order. */
    private final int[][] nodesOf;
    private final boolean[] overflow;
    private final boolean[] monitored;
    private final boolean[] primaryOverflowOfAny;
    /** Arrays for the policy's loops (walked without an iterator), shared by every caller: never modified. */
    private final Location[] byNameArray;
    /** By location index: the monitored locations overflowing first to it, in name order. */
    private final Location[][] overflowingFirstTo;

    private PlatformShape(List<Location> locations, List<Node> nodes) {
        this.locations = List.copyOf(locations);
        this.nodes = List.copyOf(nodes);
        requireConsistent(this.locations, this.nodes);
        List<Location> byName = this.locations.stream().sorted(BY_LOCATION_NAME).toList();
        locationIndex = new Ids(byName.stream().mapToLong(Location::id).toArray());
        nodeIndex = new Ids(this.nodes.stream().mapToLong(Node::id).toArray());
        int count = byName.size();
        overflow = new boolean[count];
        boolean[] alwaysOn = new boolean[count];
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < this.nodes.size(); i++) {
            Node node = this.nodes.get(i);
            int location = index(node.locationId());
            members.get(location).add(i);
            (node.bursting() ? overflow : alwaysOn)[location] = true;
        }
        nodesOf = new int[count][];
        for (int i = 0; i < count; i++) {
            nodesOf[i] = members.get(i).stream().sorted(Comparator.comparing(this.nodes::get, BY_NODE_NAME))
                    .mapToInt(Integer::intValue).toArray();
        }
        monitored = new boolean[count];
        primaryOverflowOfAny = new boolean[count];
        List<List<Location>> byPrimaryOverflow = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byPrimaryOverflow.add(new ArrayList<>());
        }
        for (int i = 0; i < count; i++) {
            Location location = byName.get(i);
            monitored[i] = alwaysOn[i] && location.primaryOverflow().map(id -> overflow[index(id)]).orElse(false);
            location.primaryOverflow().ifPresent(id -> {
                primaryOverflowOfAny[index(id)] = true;
                byPrimaryOverflow.get(index(id)).add(location);
            });
        }
        overflowingFirstTo = new Location[count][];
        for (int i = 0; i < count; i++) {
            overflowingFirstTo[i] = byPrimaryOverflow.get(i).stream()
                    .filter(location -> monitored[index(location.id())]).toArray(Location[]::new);
        }
        byNameArray = byName.toArray(new Location[0]);
    }

    /**
     * The shape of these locations and nodes. Refuses, saying what is wrong, a location or node named
     * twice (by id), and a location or node that refers to a location not among them.
     */
    public static PlatformShape of(List<Location> locations, List<Node> nodes) {
        return new PlatformShape(locations, nodes);
    }

    /** This shape when {@code locations} and {@code nodes} are the ones it has, else theirs. */
    public PlatformShape reshaped(List<Location> locations, List<Node> nodes) {
        return this.locations.equals(locations) && this.nodes.equals(nodes) ? this : of(locations, nodes);
    }

    /** The locations, as given. */
    public List<Location> locations() {
        return locations;
    }

    /** The nodes, as given. */
    public List<Node> nodes() {
        return nodes;
    }

    /** Every location, in name order, as an array shared by every caller: not to be modified. */
    Location[] locationsInNameOrder() {
        return byNameArray;
    }

    int locationCount() {
        return byNameArray.length;
    }

    /** The position of the location in {@link #locationsInNameOrder()}; -1 for a location not in the shape. */
    int index(long locationId) {
        return locationIndex.indexOf(locationId);
    }

    /** The position of the node in {@link #nodes()}; -1 for a node not in the shape. */
    int nodeIndex(long nodeId) {
        return nodeIndex.indexOf(nodeId);
    }

    int nodeCount() {
        return nodes.size();
    }

    Location location(long locationId) {
        return byNameArray[index(locationId)];
    }

    /** The indexes (in {@link #nodes()}) of the nodes of the location at {@code index}, in name order. */
    int[] nodesOf(int index) {
        return nodesOf[index];
    }

    /** Whether the location holds overflow (bursting) nodes: it is an overflow location. */
    boolean isOverflow(long locationId) {
        return overflow[index(locationId)];
    }

    /** Whether it holds always-on nodes and its primary overflow location holds overflow nodes. */
    boolean isMonitored(long locationId) {
        return monitored[index(locationId)];
    }

    /** Whether the policy starts nodes of this overflow location itself: it is someone's primary overflow. */
    boolean startsAutomatically(long locationId) {
        int index = index(locationId);
        return overflow[index] && primaryOverflowOfAny[index];
    }

    /** The monitored locations overflowing first to the location, in name order: shared, not to be modified. */
    Location[] overflowingFirstTo(long locationId) {
        return overflowingFirstTo[index(locationId)];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlatformShape shape && locations.equals(shape.locations) && nodes.equals(shape.nodes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(locations, nodes);
    }

    @Override
    public String toString() {
        return "PlatformShape[locations=" + locations + ", nodes=" + nodes + "]";
    }

    /**
     * Distinct ids and their positions, looked up without boxing: in a table when the ids lie close
     * together (as a store's ids do), else by binary search.
     */
    private static final class Ids {

        private final long[] sorted;
        private final int[] positions;
        private final long min;
        private final int[] table;

        /** {@code ids} in their positions: no id twice. */
        Ids(long[] ids) {
            Integer[] order = new Integer[ids.length];
            for (int i = 0; i < ids.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingLong(i -> ids[i]));
            sorted = new long[ids.length];
            positions = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                sorted[i] = ids[order[i]];
                positions[i] = order[i];
            }
            min = ids.length == 0 ? 0 : sorted[0];
            long span = ids.length == 0 ? 0 : sorted[ids.length - 1] - min;
            if (span >= 0 && span < 8L * ids.length + 64) {
                table = new int[(int) span + 1];
                Arrays.fill(table, -1);
                for (int i = 0; i < ids.length; i++) {
                    table[(int) (sorted[i] - min)] = positions[i];
                }
            } else {
                table = null;
            }
        }

        /** The position of {@code id}; -1 for an id not among them. */
        int indexOf(long id) {
            if (table != null) {
                long offset = id - min;
                return offset >= 0 && offset < table.length ? table[(int) offset] : -1;
            }
            int found = Arrays.binarySearch(sorted, id);
            return found >= 0 ? positions[found] : -1;
        }
    }

    private static void requireConsistent(List<Location> locations, List<Node> nodes) {
        Set<Long> locationIds = unique("location", locations, Location::id);
        for (Location location : locations) {
            location.primaryOverflow().ifPresent(id -> requireKnown(locationIds.contains(id), id, "overflow location",
                    location.name()));
            location.secondaryOverflow().ifPresent(id -> requireKnown(locationIds.contains(id), id,
                    "overflow location", location.name()));
        }
        unique("node", nodes, Node::id);
        for (Node node : nodes) {
            requireKnown(locationIds.contains(node.locationId()), node.locationId(), "location", node.name());
        }
    }

    static <T, K> Set<K> unique(String what, List<T> items, Function<T, K> key) {
        Set<K> seen = new HashSet<>(2 * items.size());
        for (T item : items) {
            if (!seen.add(key.apply(item))) {
                throw new IllegalArgumentException("The bursting input names " + what + " " + key.apply(item)
                        + " twice");
            }
        }
        return seen;
    }

    static void requireKnown(boolean known, long id, String what, String referrer) {
        if (!known) {
            throw unknown(id, what, referrer);
        }
    }

    /** The refusal of an input in which {@code referrer} refers to {@code what} {@code id}, which it lacks. */
    static IllegalArgumentException unknown(long id, String what, String referrer) {
        return new IllegalArgumentException(referrer + " refers to " + what + " " + id
                + ", which is not in the bursting input");
    }
}
