package dev.confab.management.bursting.simulation;

import dev.confab.management.bursting.Arrivals;
import dev.confab.management.bursting.BurstingAction;
import dev.confab.management.bursting.BurstingDecision;
import dev.confab.management.bursting.BurstingInput;
import dev.confab.management.bursting.BurstingPolicy;
import dev.confab.management.bursting.CloudInstance;
import dev.confab.management.bursting.Foresight;
import dev.confab.management.bursting.Node;
import dev.confab.management.bursting.NodeLoad;
import dev.confab.management.bursting.PlatformShape;
import dev.confab.management.bursting.StartLatency;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One replay of a trace through one policy: a discrete-event simulation of call arrivals and ends,
 * overflow nodes starting (pending → running → first report) and stopping, with
 * {@link BurstingPolicy#decide} asked as the Management Node asks it — after every load change (runs
 * at least 200 ms apart; the changes meanwhile share the next run) and on the 10 s tick — and its
 * actions performed on the simulated instances. A node reports its load when it changes and with
 * every heartbeat. Not thread-safe; used once.
 */
final class Replay {

    private static final long TICK_MILLIS = 10_000;
    /** Runs on load changes start at least this far apart, as on the Management Node; changes meanwhile share one. */
    private static final long SPACING_MILLIS = 200;
    /** A node's heartbeat, which carries its load: every 10 s, and at least three times within the staleness limit. */
    private static final long HEARTBEAT_MILLIS = 10_000;

    private enum Kind { CALL_ENDS, RUNNING, FIRST_REPORT, STOPPED }

    private record Event(long at, long sequence, Kind kind, SimulatedNode node, int tokens, long generation,
                         ArrivalWindow origin)
            implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            return at != other.at ? Long.compare(at, other.at) : Long.compare(sequence, other.sequence);
        }
    }

    private final SimulatedPlatform platform;
    private final Trace trace;
    private final SimulatedPolicy policy;
    private final Duration arrivalWindow;
    private final SplittableRandom random;
    private final Consumer<ReplayedAction> listener;
    /** Records the replay over time, or null. */
    private final TimelineRecorder timeline;
    private final PlatformShape shape;
    private final long heartbeatMillis;
    private final List<SimulatedNode> nodes = new ArrayList<>();
    private final List<SimulatedNode> overflowNodes = new ArrayList<>();
    private final Map<Long, SimulatedNode> nodesById = new HashMap<>();
    private final Map<String, List<List<SimulatedNode>>> chains = new LinkedHashMap<>();
    private final Map<String, ArrivalWindow> windows = new LinkedHashMap<>();
    /** The arrival windows and their locations' ids, in the order of {@link #windows}. */
    private final ArrivalWindow[] windowsInOrder;
    private final long[] windowLocationIds;
    private final Map<String, Double> instanceHours = new LinkedHashMap<>();
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    /** The overflow nodes' instances and last measured starts given to the last decision, unchanged since. */
    private List<CloudInstance> instances = List.of();
    private List<StartLatency> latencies = List.of();
    private final StartLatency[] lastStarts;
    private long sequence;
    private long rejected;
    private double overflowedMinutes;
    private long starts;
    private long stops;
    private double billedHours;
    private long decisions;

    Replay(SimulatedPlatform platform, Trace trace, SimulatedPolicy policy, Duration arrivalWindow, long seed,
           Consumer<ReplayedAction> listener) {
        this(platform, trace, policy, arrivalWindow, seed, listener, null);
    }

    /** As the other constructor; {@code timeline} (or null) records the replay over time. */
    Replay(SimulatedPlatform platform, Trace trace, SimulatedPolicy policy, Duration arrivalWindow, long seed,
           Consumer<ReplayedAction> listener, TimelineRecorder timeline) {
        this.timeline = timeline;
        this.platform = platform;
        this.trace = trace;
        this.policy = policy;
        this.arrivalWindow = arrivalWindow;
        this.random = new SplittableRandom(seed);
        this.listener = listener;
        this.shape = PlatformShape.of(platform.locations(), platform.nodes());
        this.heartbeatMillis = Math.max(1, Math.min(HEARTBEAT_MILLIS, policy.settings().staleAfter().toMillis() / 3));
        this.lastStarts = new StartLatency[(int) platform.machines().stream()
                .filter(SimulatedPlatform.Machine::bursting).count()];
        List<Node> policyNodes = shape.nodes();
        Map<String, List<SimulatedNode>> byPlace = new HashMap<>();
        for (int i = 0; i < policyNodes.size(); i++) {
            SimulatedNode node = new SimulatedNode(policyNodes.get(i), platform.machines().get(i).place());
            nodes.add(node);
            nodesById.put(node.node.id(), node);
            byPlace.computeIfAbsent(node.place, place -> new ArrayList<>()).add(node);
            if (node.node.bursting()) {
                overflowNodes.add(node);
                instanceHours.putIfAbsent(node.place, 0.0);
            }
        }
        for (SimulatedPlatform.Place place : platform.places()) {
            List<List<SimulatedNode>> chain = new ArrayList<>();
            for (String step : new String[] {place.name(), place.primaryOverflow(), place.secondaryOverflow()}) {
                if (step != null) {
                    chain.add(byPlace.getOrDefault(step, List.of()));
                }
            }
            chains.put(place.name(), chain);
            windows.put(place.name(), new ArrivalWindow(arrivalWindow));
        }
        windowsInOrder = windows.values().toArray(new ArrivalWindow[0]);
        windowLocationIds = windows.keySet().stream().mapToLong(platform::locationId).toArray();
        requireKnownLocations(platform, trace);
    }

    /** Refuses a trace with calls at a location the platform does not have, naming it and those it has. */
    static void requireKnownLocations(SimulatedPlatform platform, Trace trace) {
        List<String> names = platform.places().stream().map(SimulatedPlatform.Place::name).toList();
        for (TraceCall call : trace.calls()) {
            if (!names.contains(call.location())) {
                throw new IllegalArgumentException("The trace has calls arriving at " + call.location() + ", which is"
                        + " not a location of the platform (" + String.join(", ", names) + ")");
            }
        }
    }

    PolicyResult run() {
        long start = trace.start().toEpochMilli();
        long end = trace.end().toEpochMilli();
        long nextTick = start;
        long lastRun = Long.MIN_VALUE / 2;
        long pendingRun = Long.MAX_VALUE;
        int next = 0;
        List<TraceCall> calls = trace.calls();
        while (true) {
            long arrival = next < calls.size() ? calls.get(next).arrival().toEpochMilli() : Long.MAX_VALUE;
            long event = events.isEmpty() ? Long.MAX_VALUE : events.peek().at();
            long now = Math.min(Math.min(arrival, event), Math.min(nextTick, pendingRun));
            if (now > end) {
                break;
            }
            boolean run;
            if (event == now) {
                handle(events.poll());
                run = false;
            } else if (arrival == now) {
                arrive(calls.get(next++), now);
                run = false;
            } else if (nextTick == now) {
                nextTick += TICK_MILLIS;
                run = true;
            } else {
                run = true;
            }
            if (!run && pendingRun == Long.MAX_VALUE) {
                pendingRun = Math.max(now, lastRun + SPACING_MILLIS);
                run = pendingRun == now && nextEventAfter(now, next, calls);
            }
            if (run) {
                decide(now);
                lastRun = now;
                pendingRun = Long.MAX_VALUE;
            }
        }
        Instant finish = trace.end();
        for (SimulatedNode node : overflowNodes) {
            if (node.startRequestedAt() != null && !node.stopped() && node.instance().stopRequestedAt().isEmpty()) {
                account(node, finish);
            }
        }
        double hours = instanceHours.values().stream().mapToDouble(Double::doubleValue).sum();
        return new PolicyResult(policy.name(), calls.size(), rejected, overflowedMinutes, hours, instanceHours, starts,
                stops, billedHours, billedHours * platform.billing().pricePerHour(), decisions);
    }

    /** Whether nothing else happens at {@code now}: events of one instant share one run. */
    private boolean nextEventAfter(long now, int next, List<TraceCall> calls) {
        boolean arrivalNow = next < calls.size() && calls.get(next).arrival().toEpochMilli() == now;
        boolean eventNow = !events.isEmpty() && events.peek().at() == now;
        return !arrivalNow && !eventNow;
    }

    private void arrive(TraceCall call, long now) {
        int tokens = call.type().tokens();
        ArrivalWindow window = windows.get(call.location());
        window.arrived(now, tokens);
        List<List<SimulatedNode>> chain = chains.get(call.location());
        for (int step = 0; step < chain.size(); step++) {
            SimulatedNode best = null;
            for (SimulatedNode node : chain.get(step)) {
                // the most free tokens first, as the platform's placement; ties in name order
                if (node.serving() && node.freeTokens() >= tokens && (best == null
                        || node.freeTokens() > best.freeTokens())) {
                    best = node;
                }
            }
            if (best != null) {
                best.place(tokens);
                if (timeline != null) {
                    timeline.placed(now, tokens);
                }
                events.add(new Event(call.end().toEpochMilli(), sequence++, Kind.CALL_ENDS, best, tokens, 0, window));
                if (step > 0) {
                    overflowedMinutes += call.duration().toMillis() / 60_000.0;
                }
                return;
            }
        }
        rejected++;
        if (timeline != null) {
            timeline.rejected(now);
        }
    }

    private void handle(Event event) {
        Instant at = Instant.ofEpochMilli(event.at());
        switch (event.kind()) {
            case CALL_ENDS -> {
                event.node().release(event.tokens());
                if (timeline != null) {
                    timeline.released(event.at(), event.tokens());
                }
                event.origin().ended(event.at(), event.tokens());
            }
            case RUNNING -> event.node().running(at, event.generation());
            case FIRST_REPORT -> {
                boolean serving = event.node().serving();
                event.node().firstReport(at, event.generation());
                servingChanged(event.node(), event.at(), serving);
            }
            case STOPPED -> event.node().stoppedAt(event.generation());
            default -> throw new IllegalStateException("Unknown event " + event.kind());
        }
    }

    private void decide(long nowMillis) {
        Instant now = Instant.ofEpochMilli(nowMillis);
        BurstingDecision decision = BurstingPolicy.decide(input(now));
        decisions++;
        for (BurstingAction action : decision.actions()) {
            SimulatedNode node = nodesById.get(action.nodeId());
            listener.accept(new ReplayedAction(now, action));
            if (action.kind() == BurstingAction.Kind.START) {
                boolean serving = node.serving();
                long generation = node.start(now);
                starts++;
                if (timeline != null) {
                    timeline.started(nowMillis);
                }
                servingChanged(node, nowMillis, serving);
                long running = nowMillis + platform.bootTimes().toRunning(random).toMillis();
                schedule(running, Kind.RUNNING, node, 0, generation);
                schedule(running + platform.bootTimes().toReport(random).toMillis(), Kind.FIRST_REPORT, node, 0,
                        generation);
            } else {
                account(node, now);
                boolean serving = node.serving();
                long generation = node.stop(now);
                servingChanged(node, nowMillis, serving);
                stops++;
                schedule(nowMillis + platform.bootTimes().stopping().toMillis(), Kind.STOPPED, node, 0, generation);
            }
        }
    }

    private BurstingInput input(Instant now) {
        NodeLoad[] loads = new NodeLoad[nodes.size()];
        int reporting = 0;
        for (int i = 0; i < loads.length; i++) {
            SimulatedNode node = nodes.get(i);
            if (node.reporting()) {
                loads[reporting++] = node.loadAt(now, heartbeatMillis);
            }
        }
        boolean changed = instances.size() != overflowNodes.size();
        for (int i = 0; i < overflowNodes.size() && !changed; i++) {
            SimulatedNode node = overflowNodes.get(i);
            changed = instances.get(i) != node.instance() || lastStarts[i] != node.lastStart();
        }
        if (changed) {
            // the instances and measured starts as they are now, until one of them changes
            List<CloudInstance> described = new ArrayList<>(overflowNodes.size());
            List<StartLatency> measured = new ArrayList<>();
            for (int i = 0; i < overflowNodes.size(); i++) {
                SimulatedNode node = overflowNodes.get(i);
                described.add(node.instance());
                lastStarts[i] = node.lastStart();
                if (lastStarts[i] != null) {
                    measured.add(lastStarts[i]);
                }
            }
            instances = List.copyOf(described);
            latencies = List.copyOf(measured);
        }
        Arrivals[] arrivals = new Arrivals[windowsInOrder.length];
        long nowMillis = now.toEpochMilli();
        for (int i = 0; i < arrivals.length; i++) {
            arrivals[i] = new Arrivals(windowLocationIds[i], windowsInOrder[i].arrivedHdCalls(nowMillis),
                    windowsInOrder[i].endedHdCalls(nowMillis), arrivalWindow);
        }
        return new BurstingInput(shape, List.of(reporting == loads.length ? loads : Arrays.copyOf(loads, reporting)),
                instances, List.of(), policy.settings(), trace.start(), now,
                new Foresight(latencies, List.of(arrivals), policy.schedules()));
    }

    /** Counts a start's instance-hours and billed time up to {@code until} (its stop, or the trace's end). */
    private void account(SimulatedNode node, Instant until) {
        instanceHours.merge(node.place, Duration.between(node.startRequestedAt(), until).toMillis() / 3_600_000.0,
                Double::sum);
        node.runningSince().ifPresent(since -> billedHours += platform.billing()
                .billed(Duration.between(since, until)).toMillis() / 3_600_000.0);
    }

    /** Tells the timeline of a node that began or ceased to take calls (it {@code was} serving or not). */
    private void servingChanged(SimulatedNode node, long at, boolean was) {
        if (timeline != null && node.serving() != was) {
            timeline.capacity(at, was ? -node.node.capacityTokens() : node.node.capacityTokens());
        }
    }

    private void schedule(long at, Kind kind, SimulatedNode node, int tokens, long generation) {
        events.add(new Event(at, sequence++, kind, node, tokens, generation, null));
    }
}
