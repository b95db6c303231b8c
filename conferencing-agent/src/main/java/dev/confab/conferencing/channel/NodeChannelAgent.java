package dev.confab.conferencing.channel;

import dev.confab.conferencing.NodeData;
import dev.confab.shared.wire.Heartbeat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A configured node's side of the node channel: heartbeats and configuration replication over
 * mutual TLS with the node's enrolled certificate, and the replica they keep (on disk when the
 * node's {@code enable_distributed_database} is on). A state machine ({@link ChannelState}, every
 * change logged): REPORTING runs a {@link HeartbeatTask} and a {@link ReplicationTask}, each in a
 * {@link RetryingLoop}. The first refusal of either stops both; the first answer after failures in
 * either makes the other, if it waits after a failure, call at once. Told the node is
 * {@link ChannelRefusedException#unknown() unknown} (restored from a backup taken before the node
 * enrolled), the node makes one {@link Reenrolment} (RE_ENROLLING) with the token of its stored
 * file, which on success stores the new key and certificate and asks for a restart onto them
 * (RESTARTING); a refused re-enrolment, or any other refusal (revoked: the node was deleted), is
 * final (REFUSED). A re-enrolment the Management Node leaves undecided (unreachable, 5xx) changes
 * nothing: the loops start again after one heartbeat interval (RESUMING, then REPORTING), and only
 * a new "unknown" answer starts another attempt.
 *
 * <p>Everything runs on one {@link ScheduledExecutorService} the agent owns: loop steps, the
 * re-enrolment and the resumption are tasks on it, and no other thread is started. Its pool is
 * small and fixed, one thread for each blocking call that can be in flight at once: a heartbeat, a
 * long-poll (held up to 30 s by the Management Node) and a re-enrolment, so a held poll never
 * delays a heartbeat. Start with {@link #start}, stop with {@link #close()}. Thread-safe.
 */
public final class NodeChannelAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeChannelAgent.class);
    /** A heartbeat, a load report, a long-poll and a re-enrolment may each block a thread at the same time. */
    static final int THREADS = 4;

    /** Enrolling the node again after it was told it is unknown. */
    @FunctionalInterface
    public interface Reenrolment {
        /**
         * Enrols again with the stored file's token, stores the new key and certificate and asks for
         * the restart onto them; returns the new certificate's serial. Throws {@link
         * EnrolmentUnansweredException} when the Management Node did not decide, and another runtime
         * exception, whose message says why, when the re-enrolment was refused or cannot be made.
         */
        String reenrol();
    }

    private final String fqdn;
    private final Replica replica;
    private final HeartbeatPayload payload;
    private final HeartbeatTask heartbeats;
    private final LoadReporter loadReports;
    private final ReplicationTask replication;
    private final Reenrolment reenrolment;
    private final ScheduledExecutorService scheduler;
    // guarded by this
    private ChannelState state = ChannelState.STARTING;
    private List<RetryingLoop> loops = List.of();
    private String refusal;
    private String reenrolmentState;

    private NodeChannelAgent(String fqdn, ChannelClient client, Replica replica, Clock clock,
                             Supplier<String> instanceType, Reenrolment reenrolment,
                             ScheduledExecutorService scheduler) {
        this.fqdn = fqdn;
        this.replica = replica;
        this.payload = new HeartbeatPayload(replica, clock.instant(), instanceType);
        this.heartbeats = new HeartbeatTask(client, payload, clock);
        this.loadReports = new LoadReporter(heartbeats::send, scheduler, this::reporting, clock);
        this.replication = new ReplicationTask(client, replica);
        this.reenrolment = reenrolment;
        this.scheduler = scheduler;
    }

    /**
     * Starts the channel of the node enrolled in {@code data} as {@code fqdn}; its capacity is sized
     * for {@code instanceType} once that is known (empty: by the CPU count). {@code reenrolment} is
     * made, at most once per "unknown" answer, when the Management Node says it does not know the node.
     */
    public static NodeChannelAgent start(NodeData data, String fqdn, Clock clock, List<MeshListener> listeners,
                                         Supplier<String> instanceType, Reenrolment reenrolment) {
        return start(data, fqdn, clock, listeners, instanceType, reenrolment, newScheduler());
    }

    /** As {@link #start(NodeData, String, Clock, List, Supplier, Reenrolment)}, on {@code scheduler}, which it owns. */
    static NodeChannelAgent start(NodeData data, String fqdn, Clock clock, List<MeshListener> listeners,
                                  Supplier<String> instanceType, Reenrolment reenrolment,
                                  ScheduledExecutorService scheduler) {
        ChannelClient client = ChannelClient.forNode(data);
        Replica replica = Replica.open(fqdn, new ReplicaFile(data.replica()), listeners);
        NodeChannelAgent agent = new NodeChannelAgent(fqdn, client, replica, clock, instanceType, reenrolment,
                scheduler);
        synchronized (agent) {
            agent.startLoops(ChannelState.STARTING);
        }
        LOG.info("Node channel to {} started (mutual TLS as {})", client.address(), fqdn);
        return agent;
    }

    private static ScheduledExecutorService newScheduler() {
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(THREADS, task -> {
            Thread thread = new Thread(task, "confab-channel-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true);
        return Executors.unconfigurableScheduledExecutorService(pool);
    }

    /** Moves from {@code from} to {@code to}; false, changing nothing, when the channel is no longer in {@code from}. */
    private boolean move(ChannelState from, ChannelState to) {
        assert Thread.holdsLock(this);
        if (state != from) {
            return false;
        }
        if (!from.canBecome(to)) {
            throw new IllegalStateException("The node channel cannot go from " + from + " to " + to);
        }
        state = to;
        LOG.info("Node channel: {} -> {}", from, to);
        return true;
    }

    private void startLoops(ChannelState from) {
        if (!move(from, ChannelState.REPORTING)) {
            return;
        }
        loops = List.of(new RetryingLoop("heartbeat", heartbeats, scheduler, this::refused, this::recovered),
                new RetryingLoop("replication", replication, scheduler, this::refused, this::recovered));
        loops.forEach(RetryingLoop::start);
    }

    private void stopLoops() {
        loops.forEach(RetryingLoop::stop);
        loops = List.of();
    }

    /** Called by a loop, which then ends: the first refusal of the running loops stops both. */
    private void refused(RetryingLoop loop, ChannelRefusedException e) {
        synchronized (this) {
            if (state != ChannelState.REPORTING || !loops.contains(loop)) {
                return; // the other loop was refused first, or the agent closed
            }
            stopLoops();
            if (e.unknown() && reenrolment != null) {
                move(ChannelState.REPORTING, ChannelState.RE_ENROLLING);
                reenrolmentState = "in progress";
                submit(() -> reenrol(e), Duration.ZERO);
                return;
            }
            refusal = e.getMessage();
            move(ChannelState.REPORTING, ChannelState.REFUSED);
        }
        logStopped(e.getMessage());
    }

    /**
     * Called by a loop whose step succeeded after failures: the Management Node answers again, so
     * the other loop, if it waits after a failure of its own, calls at once instead of at its delay.
     */
    private synchronized void recovered(RetryingLoop loop) {
        if (state != ChannelState.REPORTING || !loops.contains(loop)) {
            return;
        }
        loops.stream().filter(other -> other != loop).forEach(RetryingLoop::retryNow);
    }

    private void reenrol(ChannelRefusedException unknown) {
        LOG.warn("{} Enrolling again, once, with the token of the stored configuration file.", unknown.getMessage());
        try {
            String serial = reenrolment.reenrol();
            synchronized (this) {
                if (move(ChannelState.RE_ENROLLING, ChannelState.RESTARTING)) {
                    reenrolmentState = "enrolled again with certificate " + serial + "; restarting";
                }
            }
        } catch (EnrolmentUnansweredException e) {
            resumeLater(e);
        } catch (RuntimeException e) {
            String reason = unknown.getMessage() + " Enrolling again with the token of the stored configuration file"
                    + " failed: " + e.getMessage();
            synchronized (this) {
                if (!move(ChannelState.RE_ENROLLING, ChannelState.REFUSED)) {
                    return;
                }
                reenrolmentState = "refused";
                refusal = reason;
            }
            logStopped(reason);
        }
    }

    /** An undecided re-enrolment: nothing changed, so the loops go on with the old certificate after an interval. */
    private synchronized void resumeLater(EnrolmentUnansweredException e) {
        if (!move(ChannelState.RE_ENROLLING, ChannelState.RESUMING)) {
            return;
        }
        Duration pause = heartbeats.jittered();
        LOG.warn("{} The node keeps its certificate and calls the Management Node again in {} ms.", e.getMessage(),
                pause.toMillis());
        submit(this::resume, pause);
    }

    private synchronized void resume() {
        if (state == ChannelState.RESUMING) {
            reenrolmentState = null;
            startLoops(ChannelState.RESUMING);
        }
    }

    private void submit(Runnable task, Duration delay) {
        try {
            scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("The node channel closed; {} not run", task);
        }
    }

    private static void logStopped(String reason) {
        LOG.error("{} This node stops reporting; provision it again with a new configuration file.", reason);
    }

    public Replica replica() {
        return replica;
    }

    private synchronized boolean reporting() {
        return state == ChannelState.REPORTING;
    }

    /** Makes heartbeats carry {@code reporter}'s calls and load, and tells it the answers. */
    public void attach(CallsReporter reporter) {
        payload.attach(reporter);
    }

    /** Reports the node's calls and load at once (at most one such report per 250 ms). */
    public void reportSoon() {
        loadReports.changed();
    }

    /** What the node can host, as its heartbeats report it. */
    public dev.confab.shared.capacity.Capacity capacity() {
        return payload.capacity();
    }

    /** The node's state for its status page: revision, maintenance mode, contact, refusal. */
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        Instant contact = heartbeats.lastContact();
        status.put("fqdn", fqdn);
        status.put("applied_revision", replica.fetched() ? replica.config().revision() : null);
        status.put("checksum", replica.config().checksum());
        status.put("maintenance_mode", replica.maintenanceMode());
        status.put("maintenance_mode_reason", replica.maintenanceReason());
        status.put("replica_on_disk", replica.onDisk());
        status.put("mesh_size", replica.config().mesh().size());
        status.put("enrolled_nodes", replica.config().enrolledMesh().stream()
                .filter(peer -> !peer.nodeType().equals("MANAGEMENT")).count());
        status.put("last_contact", contact == null ? null : contact.toString());
        Heartbeat reported = payload.get();
        status.put("instance_type", payload.instanceType());
        status.put("max_hd_calls", reported.capacity().maxHdCalls());
        synchronized (this) {
            status.put("reporting", state.reporting());
            status.put("refusal", refusal);
            status.put("re_enrolment", reenrolmentState);
        }
        return status;
    }

    /** The channel's state now. */
    synchronized ChannelState state() {
        return state;
    }

    /**
     * Stops the loops and the scheduler, interrupting a call in flight; does not wait for it, as
     * the restart after a re-enrolment may itself run on the scheduler and close the agent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (state == ChannelState.STOPPED) {
                return;
            }
            move(state, ChannelState.STOPPED);
            stopLoops();
        }
        scheduler.shutdownNow();
    }
}
