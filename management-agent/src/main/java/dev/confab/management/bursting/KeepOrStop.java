package dev.confab.management.bursting;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether to keep an idle overflow node that may be stopped, weighing the chance that it is needed
 * again soon against what a new start costs: EC2 bills at least {@code billedPerStart} for every
 * start, and a node takes its start latency to serve again. Over the longer of the two (the
 * horizon), a restart costs more than running on, so the node is kept when it is needed again within
 * the horizon with a chance of at least {@code keepFromChance}: more HD calls are expected to arrive
 * than the location would have above its threshold without the node, or a pre-warm schedule asks for
 * the node within the horizon. Calls fill the free HD calls of the locations overflowing first to it
 * (down to their thresholds) before they reach it.
 *
 * @param reason why, as the stop's reason or the location's note says it
 */
record KeepOrStop(boolean keep, String reason) {

    static KeepOrStop weigh(Location overflow, int slackHd, int runningWithout, Platform platform) {
        Outlook outlook = platform.outlook();
        PlanAhead options = platform.settings().planAhead();
        Duration horizon = outlook.restartHorizon(overflow.id());
        Instant until = platform.input().now().plus(horizon);
        String within = "within " + Texts.duration(horizon) + " (the longer of its start latency, "
                + Texts.duration(outlook.startLatency(overflow.id())) + ", and the " + Texts.duration(
                options.billedPerStart()) + " EC2 bills at least for a start)";
        int scheduled = outlook.scheduledNodes(overflow.id(), until);
        if (scheduled > runningWithout) {
            return new KeepOrStop(true, "pre-warm schedule " + outlook.schedule(overflow.id(), until).orElseThrow()
                    .label() + " asks for " + scheduled + " nodes " + within);
        }
        // calls fill the locations overflowing first to it before they reach it
        int slack = slackHd;
        double rate = outlook.arrivalsPerMinute(overflow.id());
        for (Location before : platform.overflowingFirstTo(overflow)) {
            LocationCapacity capacity = platform.capacity(before.id());
            slack += capacity.evaluated() ? Math.max(0, capacity.freeHdCalls() - outlook.monitoredThreshold(before)) : 0;
            rate += outlook.arrivalsPerMinute(before.id());
        }
        double chance = outlook.chanceOfMoreThan(overflow, slack, horizon);
        String weighed = "the chance it is needed again " + within + " is " + Texts.chance(chance) + " at "
                + Texts.rate(rate) + " HD calls a minute arriving";
        return new KeepOrStop(chance >= options.keepFromChance(), weighed);
    }
}
