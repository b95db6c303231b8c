package dev.confab.management.health;

import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.store.NodeStatusDao;
import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.HeartbeatAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Node health on the Management Node: takes heartbeats and applied revisions into the
 * {@link HeartbeatRegistry}, and every flush period expires silent nodes, tells the listeners of
 * each node declared lost, and writes what changed (status rows, alarms, administrator-log lines)
 * in one transaction. A heartbeat whose load differs from the node's last one, and a revision a
 * node applied, are written within {@link #SOON} (with whatever else changed meanwhile, in one
 * transaction), so status shows an admitted call, and a node synced, at once. Start with
 * {@link #start}, stop with {@link #close()}. Thread-safe.
 */
public final class NodeMonitor implements AutoCloseable {

    /** Heartbeat intervals a node may miss before the alarm is raised. */
    public static final int MISSED_INTERVALS = 3;
    /** How soon a changed load or applied revision is written, coalescing the changes meanwhile. */
    static final Duration SOON = Duration.ofMillis(50);
    private static final Logger LOG = LoggerFactory.getLogger(NodeMonitor.class);

    private final ConfigurationService configuration;
    private final Clock clock;
    private final HeartbeatRegistry registry;
    private final HealthRecorder recorder;
    private final LongSupplier latestRevision;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "confab-node-monitor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Map<String, Integer> locationLoad = Map.of();
    private final List<LongConsumer> lostListeners = new CopyOnWriteArrayList<>();
    private final List<LongConsumer> loadListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean writeScheduled = new AtomicBoolean();
    private volatile HealthObserver observer = HealthObserver.NONE;

    private NodeMonitor(ConfigurationService configuration, Clock clock, Duration interval,
                        LongSupplier latestRevision) {
        this.configuration = configuration;
        this.clock = clock;
        this.registry = new HeartbeatRegistry(clock, interval, MISSED_INTERVALS);
        this.recorder = new HealthRecorder(configuration, interval.multipliedBy(MISSED_INTERVALS));
        this.latestRevision = latestRevision;
    }

    /**
     * Picks up the nodes in the store (their deadlines run from now) and flushes every
     * {@code flushPeriod}; nodes are told to heartbeat every {@code interval}.
     */
    public static NodeMonitor start(ConfigurationService configuration, Clock clock, Duration interval,
                                    Duration flushPeriod, LongSupplier latestRevision) {
        NodeMonitor monitor = new NodeMonitor(configuration, clock, interval, latestRevision);
        monitor.recorder.stored().forEach(monitor.registry::seed);
        long period = flushPeriod.toMillis();
        monitor.timer.scheduleWithFixedDelay(monitor::flushQuietly, period, period, TimeUnit.MILLISECONDS);
        return monitor;
    }

    /** Records a heartbeat of {@code nodeId}; the answer carries the next interval and the newest revision. */
    public HeartbeatAnswer heartbeat(long nodeId, Heartbeat heartbeat) {
        NodeReport before = registry.report(nodeId).orElse(null);
        Duration next = registry.heartbeat(nodeId, heartbeat);
        if (before == null || before.load().mediaTokensUsed() != heartbeat.load().mediaTokensUsed()
                || heartbeat.appliedRevision() > before.appliedRevision()) {
            writeSoon();
        }
        if (before == null || before.load().mediaTokensUsed() != heartbeat.load().mediaTokensUsed()
                || !before.load().conferences().equals(heartbeat.load().conferences())) {
            loadListeners.forEach(listener -> listener.accept(nodeId));
        }
        observer.heartbeat(before == null ? null : before.lastContact(), clock.instant());
        return new HeartbeatAnswer(next.toMillis(), latestRevision.getAsLong(), locationLoad);
    }

    private void writeSoon() {
        if (writeScheduled.compareAndSet(false, true)) {
            try {
                timer.schedule(() -> {
                    writeScheduled.set(false);
                    flushQuietly();
                }, SOON.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                writeScheduled.set(false); // closed
            }
        }
    }

    /** Tells {@code observer} of every heartbeat and of every newer revision a node applied, from now on. */
    public void observe(HealthObserver observer) {
        this.observer = observer;
    }

    /** Tells {@code listener} the id of each node declared lost, once per loss, at the flush that declares it. */
    public void onLost(LongConsumer listener) {
        lostListeners.add(listener);
    }

    /**
     * Tells {@code listener} the id of a node whose load (tokens in use or conferences) changed, or
     * that reported for the first time since the Management Node started, on the heartbeat's thread:
     * it must return at once.
     */
    public void onLoadChange(LongConsumer listener) {
        loadListeners.add(listener);
    }

    /** The latest report of a node, if it is tracked: what it last said, whether it reports. */
    public Optional<NodeReport> report(long nodeId) {
        return registry.report(nodeId);
    }

    /** Records that {@code nodeId} holds {@code revision}; a newer one than it held is written soon. */
    public void applied(long nodeId, long revision) {
        if (registry.applied(nodeId, revision)) {
            writeSoon();
        }
    }

    /** Forgets a deleted node: its status row goes and its alarms clear. */
    public void forget(long nodeId) {
        registry.forget(nodeId);
        recorder.forget(nodeId, clock.instant());
    }

    /** Expires silent nodes and writes what changed (the timer does this every flush period). */
    public synchronized void flush() {
        registry.expire();
        HeartbeatRegistry.Drained drained = registry.drain();
        for (HealthEvent event : drained.events()) {
            if (event.kind() == HealthEvent.Kind.CONTACT_LOST) {
                lostListeners.forEach(listener -> listener.accept(event.nodeId()));
            } else if (event.kind() == HealthEvent.Kind.REVISION_APPLIED) {
                observer.applied(event.nodeId(), event.revision(), event.time());
            }
        }
        recorder.write(drained);
        Map<String, Integer> loads = new LinkedHashMap<>();
        configuration.read(transaction -> transaction.dao(NodeStatusDao.class).locationLoads())
                .forEach(location -> loads.put(location.name(), location.mediaLoad()));
        locationLoad = Map.copyOf(loads);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.error("Could not record node health; retrying at the next flush", e);
        }
    }

    /** Every tracked node's report (tests, benchmarks). */
    public List<NodeReport> reports() {
        return registry.reports();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        recorder.write(registry.drain());
    }
}
