package dev.confab.management.bursting;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * When to start overflow nodes. An overflow location that is some location's primary overflow
 * needs another node when its free and starting HD calls are at or below the threshold, and either
 * a monitored location overflowing first to it has reached the threshold, or it serves calls itself
 * (the cascade). Nodes are started in name order until its free and starting HD calls exceed the
 * threshold — one node, whenever a node holds more HD calls than the threshold.
 */
final class StartRule {

    private static final String START_INSTANCES = "StartInstances";

    private StartRule() {
    }

    static void apply(Platform platform, CircuitBreaker breaker, Plan plan) {
        for (Location overflow : platform.locations()) {
            if (platform.startsAutomatically(overflow)) {
                startNodesOf(overflow, platform, breaker, plan);
            }
        }
    }

    private static void startNodesOf(Location overflow, Platform platform, CircuitBreaker breaker, Plan plan) {
        int threshold = platform.settings().threshold();
        LocationCapacity capacity = platform.capacity(overflow.id());
        List<Location> inNeed = platform.locationsInNeed(overflow);
        boolean serving = capacity.servingNodes() > 0;
        int available = capacity.freeHdCalls() + capacity.startingHdCalls();
        if ((inNeed.isEmpty() && !serving) || available > threshold) {
            return;
        }
        Deque<OverflowNode> stuck = new ArrayDeque<>();
        List<OverflowNode> candidates = new ArrayList<>();
        for (OverflowNode node : platform.overflowNodes(overflow.id())) {
            if (node.phase() == NodePhase.STUCK) {
                stuck.add(node);
            } else if (node.phase() == NodePhase.STOPPED && !node.node().maintenance()) {
                Optional<Ec2Error> failure = recentStartFailure(node, platform);
                failure.ifPresentOrElse(error -> plan.note(overflow.id(), node.label() + " is skipped: its start failed"
                        + " with " + error.code() + " at " + Texts.instant(error.at())), () -> candidates.add(node));
            }
        }
        Iterator<OverflowNode> next = candidates.iterator();
        while (available <= threshold) {
            Optional<String> blocked = blocked(overflow, platform, breaker, plan).or(() -> next.hasNext()
                    ? Optional.empty() : Optional.of("no stopped overflow node left in " + overflow.name() + " to start"));
            if (blocked.isPresent()) {
                plan.note(overflow.id(), blocked.get());
                inNeed.forEach(location -> plan.note(location.id(), blocked.get()));
                return;
            }
            OverflowNode node = next.next();
            String trigger = serving ? cascade(overflow, available, capacity, plan, threshold)
                    : need(overflow, inNeed, available, platform, threshold);
            String target = serving ? "starting its next overflow node " + node.label()
                    : "starting overflow node " + node.label() + " of " + overflow.name();
            String replaced = Optional.ofNullable(stuck.poll()).map(given -> ", in place of " + given.label()
                    + ", which has not reported within " + Texts.duration(platform.settings().startDeadline())
                    + " of its start").orElse("");
            plan.start(node, trigger + "; " + target + replaced);
            available += node.node().capacityHdCalls();
        }
    }

    private static String need(Location overflow, List<Location> inNeed, int available, Platform platform,
                               int threshold) {
        List<String> locations = inNeed.stream()
                .map(location -> location.name() + " (" + platform.capacity(location.id()).freeHdCalls() + ")").toList();
        String text = "free HD calls in " + String.join(" and in ", locations) + " reached the bursting threshold ("
                + threshold + ")";
        return available > 0 ? text + ", and " + overflow.name() + " has " + available + " free or starting" : text;
    }

    private static String cascade(Location overflow, int available, LocationCapacity capacity, Plan plan,
                                  int threshold) {
        boolean starting = capacity.startingHdCalls() + plan.plannedHdCalls(overflow.id()) > 0;
        return (starting ? "free and starting HD calls in " : "free HD calls in ") + overflow.name() + " ("
                + available + ") reached the bursting threshold (" + threshold + ")";
    }

    private static Optional<String> blocked(Location overflow, Platform platform, CircuitBreaker breaker, Plan plan) {
        BurstingSettings settings = platform.settings();
        if (!settings.enabled()) {
            return Optional.of("bursting is disabled: no overflow node of " + overflow.name() + " is started");
        }
        if (breaker.open()) {
            return Optional.of("circuit breaker open: no overflow node of " + overflow.name() + " is started until "
                    + Texts.instant(breaker.openUntil().orElseThrow()));
        }
        if (plan.runningOrStarting() >= settings.maxOverflowNodes()) {
            return Optional.of("guardrail reached: " + Texts.runningOrStarting(plan.runningOrStarting())
                    + ", the most allowed; no node of " + overflow.name() + " is started");
        }
        return Optional.empty();
    }

    /** A failed start of this node within the circuit breaker's window: another node is tried first. */
    private static Optional<Ec2Error> recentStartFailure(OverflowNode node, Platform platform) {
        Instant now = platform.input().now();
        Instant since = now.minus(platform.settings().breakerWindow());
        return platform.input().ec2Errors().stream()
                .filter(error -> error.operation().equals(START_INSTANCES))
                .filter(error -> error.instanceId().equals(Optional.of(node.instance().instanceId())))
                .filter(error -> error.at().isAfter(since) && !error.at().isAfter(now))
                .reduce((first, second) -> second.at().isAfter(first.at()) ? second : first);
    }
}
