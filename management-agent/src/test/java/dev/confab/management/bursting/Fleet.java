package dev.confab.management.bursting;

import dev.confab.shared.capacity.CallType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A platform written the way the tests speak of it: locations by name, always-on nodes with their
 * free HD calls, overflow nodes stopped, starting or running with the calls they host. Every node
 * holds 17 HD calls (a c5.2xlarge); an overflow node's instance is {@code i-<node name>}. Bursting
 * is on, with the default settings otherwise; the Management Node started an hour before {@link #NOW}.
 */
final class Fleet {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final int NODE_HD = 17;

    private final Map<String, String[]> locations = new LinkedHashMap<>();
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, NodeLoad> loads = new LinkedHashMap<>();
    private final Map<String, CloudInstance> instances = new LinkedHashMap<>();
    private final List<Ec2Error> errors = new ArrayList<>();
    private final List<StartLatency> latencies = new ArrayList<>();
    private final List<Arrivals> arrivals = new ArrayList<>();
    private final List<PrewarmSchedule> schedules = new ArrayList<>();
    private BurstingSettings settings = BurstingSettings.defaults().withEnabled(true);
    private Instant observedSince = NOW.minus(Duration.ofHours(1));
    private Instant now = NOW;

    static Fleet platform() {
        return new Fleet();
    }

    /** A location overflowing first to {@code primary} and then to {@code secondary} (either may be null). */
    Fleet location(String name, String primary, String secondary) {
        locations.put(name, new String[] {primary, secondary});
        return this;
    }

    Fleet location(String name, String primary) {
        return location(name, primary, null);
    }

    Fleet location(String name) {
        return location(name, null, null);
    }

    /** An always-on node with {@code freeHd} HD calls free, reported 5 s ago. */
    Fleet alwaysOn(String node, String location, int freeHd) {
        add(node, location, false);
        return hosting(node, NODE_HD - freeHd, Duration.ofSeconds(5));
    }

    /** A stopped overflow node. */
    Fleet stopped(String node, String location) {
        add(node, location, true);
        return withInstance(node);
    }

    /** A stopped EC2 instance matched to {@code node}, whatever kind of node it is. */
    Fleet withInstance(String node) {
        instances.put(node, CloudInstance.stopped("i-" + node, id(node)));
        return this;
    }

    /** An overflow node this Management Node started {@code ago}, pending in EC2, not reporting yet. */
    Fleet starting(String node, String location, Duration ago) {
        add(node, location, true);
        instances.put(node, new CloudInstance("i-" + node, id(node), InstanceState.PENDING, Optional.of(NOW.minus(ago)),
                Optional.of(NOW.minus(ago)), Optional.empty()));
        return this;
    }

    /** An overflow node started {@code ago}, running and reporting {@code callsHd} HD calls 5 s ago. */
    Fleet running(String node, String location, Duration ago, int callsHd) {
        add(node, location, true);
        instances.put(node, new CloudInstance("i-" + node, id(node), InstanceState.RUNNING, Optional.of(NOW.minus(ago)),
                Optional.of(NOW.minus(ago)), Optional.empty()));
        return hosting(node, callsHd, Duration.ofSeconds(5));
    }

    /** The node's last report: {@code callsHd} HD calls (one conference if any), {@code ago}. */
    Fleet hosting(String node, int callsHd, Duration ago) {
        return load(node, callsHd * CallType.TOKENS_PER_HD, callsHd > 0 ? 1 : 0, ago);
    }

    Fleet load(String node, int tokens, int conferences, Duration ago) {
        loads.put(node, new NodeLoad(id(node), tokens, conferences, now.minus(ago)));
        return this;
    }

    /** The node has not reported since the Management Node started. */
    Fleet noLoad(String node) {
        loads.remove(node);
        return this;
    }

    Fleet maintenance(String node) {
        Node old = nodes.get(node);
        nodes.put(node, new Node(old.id(), old.name(), old.locationId(), old.bursting(), old.capacityTokens(), true));
        return this;
    }

    Fleet instance(String node, UnaryOperator<CloudInstance> change) {
        instances.put(node, change.apply(instances.get(node)));
        return this;
    }

    Fleet error(Duration ago, String operation, String instanceId, String code) {
        errors.add(new Ec2Error(NOW.minus(ago), operation, Optional.ofNullable(instanceId), code));
        return this;
    }

    Fleet settings(UnaryOperator<BurstingSettings> change) {
        settings = change.apply(settings);
        return this;
    }

    /** HD calls arriving at the location's nodes, per minute (measured over the last 2 minutes), none ending. */
    Fleet arriving(String location, double hdCallsPerMinute) {
        return flowing(location, hdCallsPerMinute, 0);
    }

    /** HD calls arriving at the location's nodes and ending, per minute (measured over the last 2 minutes). */
    Fleet flowing(String location, double arrivingPerMinute, double endingPerMinute) {
        arrivals.add(new Arrivals(locationId(location), 2 * arrivingPerMinute, 2 * endingPerMinute,
                Duration.ofMinutes(2)));
        return this;
    }

    /** A measured start of {@code node}: {@code toRunning} to EC2's running, {@code toReport} more to its first report. */
    Fleet measuredStart(String node, Duration toRunning, Duration toReport) {
        latencies.add(new StartLatency(id(node), toRunning, toReport));
        return this;
    }

    Fleet schedule(PrewarmSchedule schedule) {
        schedules.add(schedule);
        return this;
    }

    /** The Management Node started {@code ago}. */
    Fleet restarted(Duration ago) {
        observedSince = NOW.minus(ago);
        return this;
    }

    BurstingInput input() {
        List<Location> built = new ArrayList<>();
        locations.forEach((name, overflow) -> built.add(new Location(locationId(name), name,
                Optional.ofNullable(overflow[0]).map(this::locationId),
                Optional.ofNullable(overflow[1]).map(this::locationId))));
        return new BurstingInput(built, List.copyOf(nodes.values()), List.copyOf(loads.values()),
                List.copyOf(instances.values()), errors, settings, observedSince, now,
                new Foresight(latencies, arrivals, schedules));
    }

    BurstingDecision decide() {
        return BurstingPolicy.decide(input());
    }

    /** The decided actions, each as {@code START i-…: reason}. */
    List<String> actions() {
        return decide().actions().stream().map(BurstingAction::toString).toList();
    }

    private void add(String node, String location, boolean bursting) {
        if (!locations.containsKey(location)) {
            throw new IllegalStateException("Declare location " + location + " before node " + node);
        }
        nodes.put(node, new Node(nodes.size() + 100L, node, locationId(location), bursting,
                NODE_HD * CallType.TOKENS_PER_HD, false));
    }

    private long id(String node) {
        return nodes.get(node).id();
    }

    /** The id of location {@code name}, as the input gives it. */
    long locationId(String name) {
        int index = new ArrayList<>(locations.keySet()).indexOf(name);
        if (index < 0) {
            throw new IllegalStateException("No location " + name);
        }
        return index + 1L;
    }
}
