package dev.confab.management.bursting;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * When to start overflow nodes. A pre-warm schedule that asks for more of an overflow location's
 * nodes than are running or starting starts the difference. An overflow location that is some
 * location's primary overflow needs another node when its free and starting HD calls are at or
 * below its (effective) threshold, and either a monitored location overflowing first to it has
 * reached its own, or it serves calls itself (the cascade). Nodes are started in name order until
 * its free and starting HD calls exceed the threshold — one node, whenever a node holds more HD
 * calls than the threshold.
 */
final class StartRule {

    private static final String START_INSTANCES = "StartInstances";

    private StartRule() {
    }

    static void apply(Platform platform, CircuitBreaker breaker, Plan plan) {
        Instant now = platform.input().now();
        for (Location overflow : platform.locations()) {
            boolean automatic = platform.startsAutomatically(overflow);
            Optional<PrewarmSchedule> schedule = platform.isOverflow(overflow)
                    ? platform.outlook().schedule(overflow.id(), now) : Optional.empty();
            if (!automatic && schedule.isEmpty()) {
                continue;
            }
            Candidates candidates = candidates(overflow, platform, plan);
            schedule.ifPresent(prewarm -> prewarm(overflow, prewarm, candidates, platform, breaker, plan));
            if (automatic) {
                startNodesOf(overflow, candidates, platform, breaker, plan);
            }
        }
    }

    /** Stopped nodes to start in name order, and started nodes given up on (to be replaced first). */
    private record Candidates(Iterator<OverflowNode> next, Deque<OverflowNode> stuck) {
    }

    private static Candidates candidates(Location overflow, Platform platform, Plan plan) {
        OverflowNode[] nodes = platform.overflowNodes(overflow.id());
        Deque<OverflowNode> stuck = new ArrayDeque<>(1);
        List<OverflowNode> stopped = new ArrayList<>(nodes.length);
        for (OverflowNode node : nodes) {
            if (node.phase() == NodePhase.STUCK) {
                stuck.add(node);
            } else if (node.phase() == NodePhase.STOPPED && !node.node().maintenance()) {
                Optional<Ec2Error> failure = recentStartFailure(node, platform);
                if (failure.isPresent()) {
                    Ec2Error error = failure.get();
                    plan.note(overflow.id(), () -> node.label() + " is skipped: its start failed with " + error.code()
                            + " at " + Texts.instant(error.at()));
                } else {
                    stopped.add(node);
                }
            }
        }
        return new Candidates(stopped.iterator(), stuck);
    }

    private static void prewarm(Location overflow, PrewarmSchedule schedule, Candidates candidates, Platform platform,
                                CircuitBreaker breaker, Plan plan) {
        int wanted = schedule.nodesAt(platform.input().now());
        int serving = platform.servingOrStarting(overflow) + plan.plannedStarts(overflow.id());
        while (serving < wanted) {
            Optional<Supplier<String>> blocked = blocked(overflow, platform, breaker, plan, candidates);
            if (blocked.isPresent()) {
                int servingNow = serving;
                plan.note(overflow.id(), () -> "pre-warm schedule " + schedule.label() + " asks for " + wanted
                        + " running or starting nodes, " + servingNow + " are; " + blocked.get().get());
                return;
            }
            OverflowNode node = candidates.next().next();
            plan.start(node, "pre-warm schedule " + schedule.label() + " keeps " + wanted + " overflow nodes of "
                    + overflow.name() + " running or starting now, and " + serving + (serving == 1 ? " is" : " are")
                    + "; starting overflow node " + node.label() + replacing(candidates, platform));
            serving++;
        }
    }

    private static void startNodesOf(Location overflow, Candidates candidates, Platform platform,
                                     CircuitBreaker breaker, Plan plan) {
        int threshold = platform.outlook().overflowThreshold(overflow);
        LocationCapacity capacity = platform.capacity(overflow.id());
        List<Location> inNeed = platform.locationsInNeed(overflow);
        boolean serving = capacity.servingNodes() > 0;
        int available = capacity.freeHdCalls() + capacity.startingHdCalls() + plan.plannedHdCalls(overflow.id());
        if ((inNeed.isEmpty() && !serving) || available > threshold) {
            return;
        }
        while (available <= threshold) {
            Optional<Supplier<String>> blocked = blocked(overflow, platform, breaker, plan, candidates);
            if (blocked.isPresent()) {
                plan.note(overflow.id(), blocked.get());
                inNeed.forEach(location -> plan.note(location.id(), blocked.get()));
                return;
            }
            OverflowNode node = candidates.next().next();
            String trigger = serving ? cascade(overflow, available, capacity, plan, platform)
                    : need(overflow, inNeed, available, platform);
            String target = serving ? "starting its next overflow node " + node.label()
                    : "starting overflow node " + node.label() + " of " + overflow.name();
            plan.start(node, trigger + "; " + target + replacing(candidates, platform));
            available += node.node().capacityHdCalls();
        }
    }

    private static String replacing(Candidates candidates, Platform platform) {
        return Optional.ofNullable(candidates.stuck().poll()).map(given -> ", in place of " + given.label()
                + ", which has not reported within " + Texts.duration(platform.settings().startDeadline())
                + " of its start").orElse("");
    }

    private static String need(Location overflow, List<Location> inNeed, int available, Platform platform) {
        Outlook outlook = platform.outlook();
        int configured = platform.settings().threshold();
        boolean raised = inNeed.stream().anyMatch(location -> outlook.monitoredThreshold(location) > configured);
        String text;
        if (raised) {
            text = String.join("; and ", inNeed.stream().map(location -> "free HD calls in " + location.name() + " ("
                    + platform.capacity(location.id()).freeHdCalls() + ") reached "
                    + thresholdText(outlook.monitoredThreshold(location), location, overflow, platform)).toList());
        } else {
            List<String> locations = inNeed.stream()
                    .map(location -> location.name() + " (" + platform.capacity(location.id()).freeHdCalls() + ")")
                    .toList();
            text = "free HD calls in " + String.join(" and in ", locations) + " reached the bursting threshold ("
                    + configured + ")";
        }
        return available > 0 ? text + ", and " + overflow.name() + " has " + available + " free or starting" : text;
    }

    private static String cascade(Location overflow, int available, LocationCapacity capacity, Plan plan,
                                  Platform platform) {
        boolean starting = capacity.startingHdCalls() + plan.plannedHdCalls(overflow.id()) > 0;
        int threshold = platform.outlook().overflowThreshold(overflow);
        return (starting ? "free and starting HD calls in " : "free HD calls in ") + overflow.name() + " ("
                + available + ") reached " + (threshold > platform.settings().threshold()
                ? thresholdText(threshold, overflow, overflow, platform)
                : "the bursting threshold (" + threshold + ")");
    }

    /**
     * "the effective bursting threshold (37: 7.4 HD calls a minute more arriving than ending while a
     * node of Overflow-1 starts, 5 minutes as measured; configured 12)".
     */
    static String thresholdText(int effective, Location location, Location overflow, Platform platform) {
        Outlook outlook = platform.outlook();
        double rate = location.id() == overflow.id() ? outlook.expectedSpill(overflow) * 60_000.0
                / outlook.startLatency(overflow.id()).toMillis() : outlook.growthPerMinute(location.id());
        return "the effective bursting threshold (" + effective + ": " + Texts.rate(rate) + " HD calls a minute "
                + (location.id() == overflow.id() ? "expected to reach it" : "more arriving than ending")
                + " while a node of "
                + overflow.name() + " starts, " + Texts.duration(outlook.startLatency(overflow.id()))
                + (outlook.measured(overflow.id()) ? " as measured" : " as assumed") + "; configured "
                + platform.settings().threshold() + ")";
    }

    /** Why no node of {@code overflow} can be started now, if none can: the text when a status asks for it. */
    private static Optional<Supplier<String>> blocked(Location overflow, Platform platform, CircuitBreaker breaker,
                                                      Plan plan, Candidates candidates) {
        BurstingSettings settings = platform.settings();
        if (!settings.enabled()) {
            return Optional.of(() -> "bursting is disabled: no overflow node of " + overflow.name() + " is started");
        }
        if (breaker.open()) {
            return Optional.of(() -> "circuit breaker open: no overflow node of " + overflow.name()
                    + " is started until " + Texts.instant(breaker.openUntil().orElseThrow()));
        }
        int running = plan.runningOrStarting();
        if (running >= settings.maxOverflowNodes()) {
            return Optional.of(() -> "guardrail reached: " + Texts.runningOrStarting(running)
                    + ", the most allowed; no node of " + overflow.name() + " is started");
        }
        if (!candidates.next().hasNext()) {
            return Optional.of(() -> "no stopped overflow node left in " + overflow.name() + " to start");
        }
        return Optional.empty();
    }

    /** A failed start of this node within the circuit breaker's window: another node is tried first. */
    private static Optional<Ec2Error> recentStartFailure(OverflowNode node, Platform platform) {
        if (platform.input().ec2Errors().isEmpty()) {
            return Optional.empty();
        }
        Instant now = platform.input().now();
        Instant since = now.minus(platform.settings().breakerWindow());
        return platform.input().ec2Errors().stream()
                .filter(error -> error.operation().equals(START_INSTANCES))
                .filter(error -> error.instanceId().equals(Optional.of(node.instance().instanceId())))
                .filter(error -> error.at().isAfter(since) && !error.at().isAfter(now))
                .reduce((first, second) -> second.at().isAfter(first.at()) ? second : first);
    }
}
