package dev.confab.management.metrics;

import dev.confab.management.health.HealthObserver;
import dev.confab.management.health.NodeReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The Conferencing Nodes as the Management Node sees them, as meters: heartbeats received and the
 * time between a node's heartbeats, nodes by sync status, the oldest heartbeat, the revision lag,
 * and how long a committed revision takes to be applied. Heartbeats and applied revisions are
 * recorded as they happen, on meters made once here; the fleet's gauges are summed from the
 * monitor's reports when scraped, at most once a second however many gauges read them, and never
 * as one series per node. Thread-safe.
 */
public final class NodeMetrics implements HealthObserver {

    /** Revisions whose commit time is kept; a node further behind than this is not timed. */
    private static final int KEPT_REVISIONS = 4096;
    private static final long SUMMARY_TTL_NANOS = Duration.ofSeconds(1).toNanos();
    private static final Duration[] REPLICATION_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};
    /** Buckets of the time between heartbeats, as multiples of the interval nodes are told. */
    private static final double[] INTERVAL_MULTIPLES = {0.5, 0.9, 1.0, 1.1, 1.5, 2, 3, 5};

    private final Clock clock;
    private final Supplier<Collection<NodeReport>> reports;
    private final LongSupplier latestRevision;
    private final IntSupplier configuredNodes;
    private final RevisionCommits commits = new RevisionCommits(KEPT_REVISIONS);
    private final Counter heartbeats;
    private final Timer heartbeatInterval;
    private final Timer replication;
    private volatile FleetSummary summary;
    private volatile long summaryNanos;

    /**
     * Registers the meters on {@code registry}. {@code reports} are the nodes the monitor tracks,
     * {@code latestRevision} the revision nodes are told of, {@code configuredNodes} how many nodes
     * the configuration holds; {@code heartbeatInterval} is the interval nodes are told.
     */
    public NodeMetrics(MeterRegistry registry, Clock clock, Duration heartbeatInterval,
                       Supplier<Collection<NodeReport>> reports, LongSupplier latestRevision,
                       IntSupplier configuredNodes) {
        this.clock = clock;
        this.reports = reports;
        this.latestRevision = latestRevision;
        this.configuredNodes = configuredNodes;
        heartbeats = Counter.builder("confab.heartbeats.received")
                .description("Heartbeats received from Conferencing Nodes").register(registry);
        Duration[] intervalBuckets = new Duration[INTERVAL_MULTIPLES.length];
        for (int i = 0; i < intervalBuckets.length; i++) {
            intervalBuckets[i] = Duration.ofNanos((long) (heartbeatInterval.toNanos() * INTERVAL_MULTIPLES[i]));
        }
        this.heartbeatInterval = Timer.builder("confab.heartbeat.interval")
                .description("Time between two heartbeats of one node (nodes are told " + heartbeatInterval.toMillis()
                        + " ms)").serviceLevelObjectives(intervalBuckets).register(registry);
        replication = Timer.builder("confab.replication.latency")
                .description("Time from a revision's commit to a node reporting it holds it")
                .serviceLevelObjectives(REPLICATION_BUCKETS).register(registry);
        nodes(registry, "synced", FleetSummary::synced);
        nodes(registry, "syncing", FleetSummary::syncing);
        nodes(registry, "unreachable", FleetSummary::unreachable);
        Gauge.builder("confab.heartbeat.age.max", this, metrics -> metrics.summary().oldestHeartbeat().toMillis() / 1e3)
                .description("Age of the oldest last heartbeat among reachable nodes").baseUnit("seconds")
                .register(registry);
        Gauge.builder("confab.replication.lag.max", this, metrics -> metrics.summary().maxLag())
                .description("Revisions the furthest-behind reachable node lacks").baseUnit("revisions")
                .register(registry);
        Gauge.builder("confab.configuration.revision", latestRevision, LongSupplier::getAsLong)
                .description("The newest configuration revision nodes are told of").register(registry);
    }

    private void nodes(MeterRegistry registry, String status, ToDoubleFunction<FleetSummary> count) {
        Gauge.builder("confab.nodes", this, metrics -> count.applyAsDouble(metrics.summary()))
                .description("Conferencing Nodes by sync status, as status/v1/worker_vm shows them")
                .tag("status", status).register(registry);
    }

    /** Records that {@code revision} was committed now. */
    public void committed(long revision) {
        commits.committed(revision, clock.instant());
    }

    @Override
    public void heartbeat(Instant previous, Instant now) {
        heartbeats.increment();
        if (previous != null && now.isAfter(previous)) {
            heartbeatInterval.record(Duration.between(previous, now));
        }
    }

    @Override
    public void applied(long nodeId, long revision, Instant when) {
        commits.committedAt(revision).filter(committed -> !when.isBefore(committed))
                .ifPresent(committed -> replication.record(Duration.between(committed, when)));
    }

    private FleetSummary summary() {
        long now = System.nanoTime();
        FleetSummary current = summary;
        if (current == null || now - summaryNanos > SUMMARY_TTL_NANOS) {
            current = FleetSummary.of(reports.get(), latestRevision.getAsLong(), configuredNodes.getAsInt(),
                    clock.instant());
            summary = current;
            summaryNanos = now;
        }
        return current;
    }
}
