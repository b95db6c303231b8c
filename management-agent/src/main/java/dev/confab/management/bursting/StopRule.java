package dev.confab.management.bursting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * When to stop overflow nodes: a node up and reporting a fresh load since its start, that hosts no
 * call and has run at least the minimum lifetime. A node whose load is stale or unknown is never
 * stopped. While bursting is on, an idle node is kept when its overflow location would otherwise
 * need a node started again at once (the start rule, applied to what would be left), while a
 * pre-warm schedule still asks for it, and — with the keep-or-stop option — while the chance that
 * it is needed again before a restart would pay off is at least the configured chance.
 */
final class StopRule {

    private StopRule() {
    }

    static void apply(Platform platform, Plan plan) {
        for (Location location : platform.locations()) {
            if (platform.isOverflow(location)) {
                stopIdleNodesOf(location, platform, plan);
            }
        }
    }

    private static void stopIdleNodesOf(Location location, Platform platform, Plan plan) {
        BurstingSettings settings = platform.settings();
        Outlook outlook = platform.outlook();
        Instant now = platform.input().now();
        LocationCapacity capacity = platform.capacity(location.id());
        int free = capacity.freeHdCalls();
        int serving = capacity.servingNodes();
        int starting = capacity.startingHdCalls() + plan.plannedHdCalls(location.id());
        boolean restarts = settings.enabled() && platform.startsAutomatically(location);
        List<Location> inNeed = restarts ? platform.locationsInNeed(location) : List.of();
        int threshold = outlook.overflowThreshold(location);
        int running = platform.servingOrStarting(location) + plan.plannedStarts(location.id());
        for (OverflowNode node : platform.overflowNodes(location.id())) {
            if (node.phase() != NodePhase.UP || !node.load().orElseThrow().hostsNoCall()) {
                continue;
            }
            Instant runningSince = node.instance().startedAt().orElse(null);
            if (runningSince == null) {
                plan.note(location.id(), () -> node.label() + " hosts no call, but EC2 gives no launch time: it is"
                        + " not stopped");
                continue;
            }
            Duration ran = Duration.between(runningSince, now);
            if (ran.compareTo(settings.minLifetime()) < 0) {
                plan.note(location.id(), () -> node.label() + " hosts no call; it may be stopped from "
                        + Texts.instant(runningSince.plus(settings.minLifetime())) + ", once it has run the minimum"
                        + " lifetime (" + Texts.duration(settings.minLifetime()) + ")");
                continue;
            }
            int freeWithout = free - node.freeHdCalls();
            boolean servingWithout = serving > 1;
            if (restarts && (!inNeed.isEmpty() || servingWithout) && freeWithout + starting <= threshold) {
                plan.note(location.id(), () -> node.label() + " hosts no call but is kept: without it "
                        + location.name() + " would have " + (freeWithout + starting) + " HD calls free or starting, at"
                        + " or below the bursting threshold (" + threshold + "), and would start a node again");
                continue;
            }
            Supplier<String> stopped = () -> node.label() + " hosts no call and has run " + Texts.duration(ran)
                    + " (minimum lifetime " + Texts.duration(settings.minLifetime()) + ")";
            int scheduled = settings.enabled() ? outlook.scheduledNodes(location.id(), now) : 0;
            if (running - 1 < scheduled) {
                plan.note(location.id(), () -> node.label() + " hosts no call but is kept: pre-warm schedule "
                        + outlook.schedule(location.id(), now).orElseThrow().label() + " keeps " + scheduled
                        + " overflow nodes of " + location.name() + " running now");
                continue;
            }
            String weighed = "";
            if (restarts && settings.planAhead().weighRestart()) {
                KeepOrStop weighing = KeepOrStop.weigh(location, freeWithout + starting - threshold, running - 1,
                        platform);
                if (weighing.keep()) {
                    plan.note(location.id(), () -> stopped.get() + ", but is kept: " + weighing.reason().get());
                    continue;
                }
                weighed = "; " + weighing.reason().get();
            }
            plan.stop(node, stopped.get() + weighed);
            free = freeWithout;
            serving--;
            running--;
        }
    }
}
