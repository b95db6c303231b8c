package dev.confab.management.bursting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the policy expects of the next minutes, from the input's {@link Foresight} and the options
 * of {@link PlanAhead}: arrival rates, start latencies, effective thresholds, time to exhaustion,
 * the pre-warm targets, and the chance that a node is needed again soon. With every option off and
 * nothing measured it changes nothing: each effective threshold is the configured one.
 */
final class Outlook {

    private final Platform platform;
    private final PlatformShape shape;
    private final PlanAhead options;
    /** By location index: HD calls arriving and ending per minute (0 when not measured), the longest start. */
    private final double[] arrivalRates;
    private final double[] endRates;
    private final Duration[] measuredLatencies;
    /** By position in the foresight's schedules: the nodes each asks for at the decision's instant. */
    private final int[] scheduledNow;

    Outlook(Platform platform) {
        this.platform = platform;
        this.shape = platform.input().shape();
        this.options = platform.settings().planAhead();
        Foresight foresight = platform.input().foresight();
        int locations = shape.locationCount();
        arrivalRates = new double[locations];
        endRates = new double[locations];
        for (Arrivals arrivals : foresight.arrivals()) {
            arrivalRates[shape.index(arrivals.locationId())] = arrivals.perMinute();
            endRates[shape.index(arrivals.locationId())] = arrivals.endedPerMinute();
        }
        // the longest start of each location, compared without a Duration made per start
        StartLatency[] longest = new StartLatency[locations];
        for (StartLatency latency : foresight.startLatencies()) {
            int location = shape.index(shape.nodes().get(shape.nodeIndex(latency.nodeId())).locationId());
            if (longest[location] == null || latency.compareTotal(longest[location]) > 0) {
                longest[location] = latency;
            }
        }
        measuredLatencies = new Duration[locations];
        for (int location = 0; location < locations; location++) {
            measuredLatencies[location] = longest[location] == null ? null : longest[location].total();
        }
        Instant now = platform.input().now();
        scheduledNow = new int[foresight.schedules().size()];
        for (int i = 0; i < scheduledNow.length; i++) {
            scheduledNow[i] = foresight.schedules().get(i).nodesAt(now);
        }
    }

    /** HD calls arriving per minute at the location's own nodes; 0 when not measured. */
    double arrivalsPerMinute(long locationId) {
        return arrivalRates[shape.index(locationId)];
    }

    /** The longest measured start of an overflow location's nodes, else the assumed start latency. */
    Duration startLatency(long overflowId) {
        Duration measured = measuredLatencies[shape.index(overflowId)];
        return measured != null ? measured : options.assumedStartLatency();
    }

    boolean measured(long overflowId) {
        return measuredLatencies[shape.index(overflowId)] != null;
    }

    /**
     * A monitored location's effective threshold: with the latency-aware option, the larger of the
     * configured threshold and the HD calls expected to arrive while a node of its primary overflow
     * location starts, less those expected to end meanwhile.
     */
    int monitoredThreshold(Location location) {
        int configured = platform.settings().threshold();
        if (!options.latencyAware() || location.primaryOverflow().isEmpty()) {
            return configured;
        }
        return Math.max(configured, ceil(expectedArrivals(location.id(), location.primaryOverflow().get())));
    }

    /**
     * An overflow location's effective threshold: with the latency-aware option, the larger of the
     * configured threshold and the HD calls expected to reach it while one of its nodes starts — its
     * own arrivals, and those of the locations overflowing first to it beyond their free HD calls.
     */
    int overflowThreshold(Location overflow) {
        int configured = platform.settings().threshold();
        if (!options.latencyAware()) {
            return configured;
        }
        return Math.max(configured, ceil(expectedSpill(overflow)));
    }

    /** HD calls expected to reach {@code overflow} (beyond the free capacity of those before it) during a start. */
    double expectedSpill(Location overflow) {
        double spill = expectedArrivals(overflow.id(), overflow.id());
        for (Location location : platform.overflowingFirstTo(overflow)) {
            LocationCapacity capacity = platform.capacity(location.id());
            int free = capacity.evaluated() ? capacity.freeHdCalls() : 0;
            spill += Math.max(0, expectedArrivals(location.id(), overflow.id()) - free);
        }
        return spill;
    }

    /**
     * Minutes until the location is full at the current arrival rate (calls ending ignored): a
     * monitored location's own free HD calls over its arrivals; an overflow location's free HD calls
     * and those of the locations overflowing first to it, over their arrivals together. Empty when
     * no call arrives.
     */
    OptionalDouble minutesToExhaustion(Location location, boolean monitored) {
        double free = Math.max(0, platform.capacity(location.id()).freeHdCalls());
        double rate = arrivalsPerMinute(location.id());
        if (!monitored) {
            for (Location before : platform.overflowingFirstTo(location)) {
                LocationCapacity capacity = platform.capacity(before.id());
                free += capacity.evaluated() ? capacity.freeHdCalls() : 0;
                rate += arrivalsPerMinute(before.id());
            }
        }
        return rate > 0 ? OptionalDouble.of(free / rate) : OptionalDouble.empty();
    }

    /** The schedule asking for the most of the overflow location's nodes at {@code at}, if any asks for one. */
    Optional<PrewarmSchedule> schedule(long overflowId, Instant at) {
        int most = most(overflowId, at);
        return most < 0 ? Optional.empty() : Optional.of(platform.input().foresight().schedules().get(most));
    }

    /** The overflow location's nodes the schedule asking for the most asks for at {@code at}; 0 if none asks. */
    int scheduledNodes(long overflowId, Instant at) {
        int most = most(overflowId, at);
        return most < 0 ? 0 : nodesAt(most, at);
    }

    /** The position of the first schedule asking for the most of the location's nodes at {@code at}, else -1. */
    private int most(long overflowId, Instant at) {
        List<PrewarmSchedule> schedules = platform.input().foresight().schedules();
        int most = -1;
        int mostNodes = 0;
        for (int i = 0; i < schedules.size(); i++) {
            if (schedules.get(i).locationId() == overflowId) {
                int nodes = nodesAt(i, at);
                if (nodes > mostNodes) {
                    most = i;
                    mostNodes = nodes;
                }
            }
        }
        return most;
    }

    private int nodesAt(int schedule, Instant at) {
        return at.equals(platform.input().now()) ? scheduledNow[schedule]
                : platform.input().foresight().schedules().get(schedule).nodesAt(at);
    }

    /** How far ahead a stop is weighed: the longer of the start latency and the minimum billed per start. */
    Duration restartHorizon(long overflowId) {
        Duration latency = startLatency(overflowId);
        return latency.compareTo(options.billedPerStart()) >= 0 ? latency : options.billedPerStart();
    }

    /**
     * The chance that the calls of the location and those overflowing first to it grow by more than
     * {@code slackHd} HD calls within {@code horizon}: arrivals and ends as Poisson processes at
     * their current rates.
     */
    double chanceOfGrowthAbove(Location overflow, double slackHd, Duration horizon) {
        double arriving = arrivalsPerMinute(overflow.id());
        double ending = endsPerMinute(overflow.id());
        for (Location before : platform.overflowingFirstTo(overflow)) {
            arriving += arrivalsPerMinute(before.id());
            ending += endsPerMinute(before.id());
        }
        double minutes = horizon.toMillis() / 60_000.0;
        return Chance.growthAbove(arriving * minutes, ending * minutes, slackHd);
    }

    /** HD calls ending per minute at the location's own nodes' calls; 0 when not measured. */
    double endsPerMinute(long locationId) {
        return endRates[shape.index(locationId)];
    }

    /**
     * The growth of a location's calls expected while a node of {@code overflowId} starts: HD calls
     * arriving less those ending, at their current rates, over the start latency; never below zero.
     */
    private double expectedArrivals(long locationId, long overflowId) {
        double growth = arrivalsPerMinute(locationId) - endsPerMinute(locationId);
        return Math.max(0, growth) * startLatency(overflowId).toMillis() / 60_000.0;
    }

    /** HD calls a minute by which a location's calls grow: arriving less ending, never below zero. */
    double growthPerMinute(long locationId) {
        return Math.max(0, arrivalsPerMinute(locationId) - endsPerMinute(locationId));
    }

    private static int ceil(double value) {
        return (int) Math.min(Integer.MAX_VALUE, Math.ceil(value - 1e-9));
    }
}
