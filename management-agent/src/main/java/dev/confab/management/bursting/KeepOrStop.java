package dev.confab.management.bursting;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Whether to keep an idle overflow node that may be stopped, weighing the chance that it is needed
 * again soon against what a new start costs: EC2 bills at least {@code billedPerStart} for every
 * start, and a node takes its start latency to serve again. Over the longer of the two (the
 * horizon), a restart costs more than running on, so the node is kept when it is needed again within
 * the horizon with a chance of at least {@code keepFromChance}: a pre-warm schedule asks for it by
 * then, or the calls grow (HD calls arriving less those ending) by more than the location would have
 * above its threshold without the node — calls first fill the free HD calls of the locations
 * overflowing first to it, down to their thresholds.
 *
 * @param reason why, as the stop's reason or the location's note says it (written out when asked for)
 */
record KeepOrStop(boolean keep, Supplier<String> reason) {

    static KeepOrStop weigh(Location overflow, int slackHd, int runningWithout, Platform platform) {
        Outlook outlook = platform.outlook();
        PlanAhead options = platform.settings().planAhead();
        Duration horizon = outlook.restartHorizon(overflow.id());
        Instant until = platform.input().now().plus(horizon);
        Supplier<String> within = () -> "within " + Texts.duration(horizon) + " (the longer of its start latency, "
                + Texts.duration(outlook.startLatency(overflow.id())) + ", and the " + Texts.duration(
                options.billedPerStart()) + " EC2 bills at least for a start)";
        int scheduled = outlook.scheduledNodes(overflow.id(), until);
        if (scheduled > runningWithout) {
            return new KeepOrStop(true, () -> "pre-warm schedule " + outlook.schedule(overflow.id(), until)
                    .orElseThrow().label() + " asks for " + scheduled + " nodes " + within.get());
        }
        // calls fill the locations overflowing first to it before they reach it
        int slack = slackHd;
        double arriving = outlook.arrivalsPerMinute(overflow.id());
        double ending = outlook.endsPerMinute(overflow.id());
        for (Location before : platform.overflowingFirstTo(overflow)) {
            LocationCapacity capacity = platform.capacity(before.id());
            slack += capacity.evaluated() ? Math.max(0, capacity.freeHdCalls() - outlook.monitoredThreshold(before)) : 0;
            arriving += outlook.arrivalsPerMinute(before.id());
            ending += outlook.endsPerMinute(before.id());
        }
        double chance = outlook.chanceOfGrowthAbove(overflow, slack, horizon);
        double arrivingHd = arriving;
        double endingHd = ending;
        return new KeepOrStop(chance >= options.keepFromChance(), () -> "the chance it is needed again " + within.get()
                + " is " + Texts.chance(chance) + " at " + Texts.rate(arrivingHd) + " HD calls a minute arriving"
                + (endingHd > 0 ? " and " + Texts.rate(endingHd) + " ending" : ""));
    }
}
