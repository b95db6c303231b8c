package dev.confab.management.bursting.scheduler;

import dev.confab.management.bursting.Arrivals;
import dev.confab.management.bursting.Foresight;
import dev.confab.management.bursting.PrewarmSchedule;
import dev.confab.management.bursting.StartLatency;
import dev.confab.management.calls.CallFlow;
import dev.confab.management.resource.catalog.BurstingSchedule;
import dev.confab.management.resource.catalog.SystemLocation;
import dev.confab.management.resource.catalog.WorkerVm;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.store.BurstingDao;
import dev.confab.management.store.Times;
import dev.confab.management.store.WorkerVmEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the scheduler plans ahead with: each overflow node's measured starts, from its {@code start}
 * to its {@code running} event (its first load report) in the Conferencing Node history; the calls
 * each location's nodes admitted and ended lately; and the stored pre-warm schedules. The history
 * is read again at most every {@link #REREAD}. Used on the scheduler's one thread: not thread-safe.
 */
final class ForesightReader {

    /** Starts measured this long ago at most count. */
    static final Duration MEASURED_SINCE = Duration.ofDays(30);
    /** The measured starts kept per node: the newest. */
    static final int STARTS_PER_NODE = 3;
    /** The arrivals counted: those of this window before a run (shorter just after the Management Node started). */
    static final Duration ARRIVAL_WINDOW = Duration.ofMinutes(10);
    static final Duration REREAD = Duration.ofSeconds(30);
    private static final int EVENTS_READ = 2000;

    private final ConfigurationService configuration;
    private final Function<Duration, Map<Long, CallFlow.Counts>> flow;
    private final Instant observedSince;
    private List<StartLatency> latencies = List.of();
    private Instant readAt;

    /**
     * @param flow          the HD calls each signalling node admitted and ended within a window
     * @param observedSince when this Management Node started counting calls
     */
    ForesightReader(ConfigurationService configuration, Function<Duration, Map<Long, CallFlow.Counts>> flow,
                    Instant observedSince) {
        this.configuration = configuration;
        this.flow = flow;
        this.observedSince = observedSince;
    }

    /** The history is read again at the next run: a start was measured. */
    void measured() {
        readAt = null;
    }

    Foresight read(PlatformView view, Instant now) {
        if (readAt == null || !now.isBefore(readAt.plus(REREAD)) || now.isBefore(readAt)) {
            latencies = configuration.read(transaction -> latencies(transaction.dao(BurstingDao.class)
                    .startsSince(Times.format(now.minus(MEASURED_SINCE)), EVENTS_READ)));
            readAt = now;
        }
        Set<Long> nodes = new HashSet<>();
        view.nodes().forEach(node -> nodes.add(node.id()));
        return new Foresight(latencies.stream().filter(latency -> nodes.contains(latency.nodeId())).toList(),
                arrivals(view, now), view.schedules().stream().map(ForesightReader::prewarm).toList());
    }

    /** A stored schedule as the policy takes it. */
    static PrewarmSchedule prewarm(BurstingSchedule schedule) {
        return PrewarmSchedule.inMinutes(schedule.name(), schedule.systemLocation(), schedule.days(),
                schedule.peakTime(), schedule.timeZone(), schedule.nodes(), schedule.leadMinutes(),
                schedule.holdMinutes(), schedule.rampDownMinutes());
    }

    /** Each start followed by a running event of the same instance, the newest {@link #STARTS_PER_NODE} per node. */
    static List<StartLatency> latencies(List<WorkerVmEvent> events) {
        Map<String, Instant> started = new HashMap<>();
        Map<Long, Deque<StartLatency>> byNode = new HashMap<>();
        for (WorkerVmEvent event : events) {
            Instant at = Times.parse(event.timeChanged());
            if (event.eventType().equals(Ec2Memory.START)) {
                started.put(event.cloudInstanceId(), at);
                continue;
            }
            Instant start = started.remove(event.cloudInstanceId());
            if (start == null || event.workervmConfigurationId() == null || at.isBefore(start)) {
                continue;
            }
            Deque<StartLatency> kept = byNode.computeIfAbsent(event.workervmConfigurationId(),
                    id -> new ArrayDeque<>());
            // the history's running event is the first load report: EC2's running state is not recorded apart
            kept.addLast(new StartLatency(event.workervmConfigurationId(), Duration.between(start, at), Duration.ZERO));
            if (kept.size() > STARTS_PER_NODE) {
                kept.removeFirst();
            }
        }
        List<StartLatency> all = new ArrayList<>();
        byNode.values().forEach(all::addAll);
        return all;
    }

    /** The HD calls each location's nodes admitted and ended within the arrival window; none for a location without. */
    private List<Arrivals> arrivals(PlatformView view, Instant now) {
        Duration counted = Duration.between(observedSince, now);
        Duration window = counted.compareTo(ARRIVAL_WINDOW) < 0 ? counted : ARRIVAL_WINDOW;
        if (window.isNegative() || window.isZero()) {
            return List.of();
        }
        Map<Long, CallFlow.Counts> byNode = flow.apply(window);
        Map<Long, double[]> byLocation = new HashMap<>();
        for (WorkerVm node : view.nodes()) {
            CallFlow.Counts counts = byNode.get(node.id());
            if (counts != null) {
                double[] sums = byLocation.computeIfAbsent(node.systemLocation(), id -> new double[2]);
                sums[0] += counts.admittedHdCalls();
                sums[1] += counts.endedHdCalls();
            }
        }
        List<Arrivals> arrivals = new ArrayList<>();
        for (SystemLocation location : view.locations()) {
            double[] sums = byLocation.get(location.id());
            if (sums != null) {
                arrivals.add(new Arrivals(location.id(), sums[0], sums[1], window));
            }
        }
        return arrivals;
    }
}
