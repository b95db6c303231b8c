package dev.confab.conferencing.channel;

import dev.confab.conferencing.ConferencingException;
import dev.confab.conferencing.NodeData;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.wire.Heartbeat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * A configured node's side of the node channel: heartbeats and configuration replication over
 * mutual TLS with the node's enrolled certificate, and the replica they keep (on disk when the
 * node's {@code enable_distributed_database} is on). When the Management Node refuses the node's
 * certificate, both loops stop. Told the node is {@link ChannelRefusedException#unknown() unknown}
 * (restored from a backup taken before the node enrolled), the node makes one {@link Reenrolment}
 * with the token of its stored file, which on success stores the new key and certificate and asks
 * for a restart onto them; a refused re-enrolment, or any other refusal (revoked: the node was
 * deleted), is final and the node stops reporting. A re-enrolment the Management Node leaves
 * undecided (unreachable, 5xx) changes nothing: the loops resume after an interval, and only a new
 * "unknown" answer starts another attempt. Start with {@link #start}, stop with {@link #close()}.
 * Thread-safe.
 */
public final class NodeChannelAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeChannelAgent.class);

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
    private final HeartbeatLoop heartbeats;
    private final ReplicationLoop replication;
    private final Reenrolment reenrolment;
    // guarded by this
    private Thread heartbeatThread;
    private Thread replicationThread;
    private Thread reenrolmentThread;
    private boolean closed;
    private volatile String refusal;
    private volatile String reenrolmentState;

    private NodeChannelAgent(String fqdn, ChannelClient client, Replica replica, Clock clock,
                             Supplier<String> instanceType, Reenrolment reenrolment) {
        this.fqdn = fqdn;
        this.replica = replica;
        this.payload = new HeartbeatPayload(replica, clock.instant(), instanceType);
        this.heartbeats = new HeartbeatLoop(client, payload, this::refused, clock);
        this.replication = new ReplicationLoop(client, replica, this::refused);
        this.reenrolment = reenrolment;
    }

    /**
     * Starts the channel of the node enrolled in {@code data} as {@code fqdn}; its capacity is sized
     * for {@code instanceType} once that is known (empty: by the CPU count). {@code reenrolment} is
     * made, at most once per "unknown" answer, when the Management Node says it does not know the node.
     */
    public static NodeChannelAgent start(NodeData data, String fqdn, Clock clock, List<MeshListener> listeners,
                                         Supplier<String> instanceType, Reenrolment reenrolment) {
        Map.Entry<String, Integer> management = data.management().orElseThrow(() -> new ConferencingException(
                "The data directory " + data.root() + " has no Management Node address: provision the node again."));
        ChannelClient client = new ChannelClient(management.getKey(), management.getValue(), read(data, "ca"),
                new IssuedCertificate(read(data, "node"), Pem.readPrivateKey(text(data, data.key()), null)));
        Replica replica = Replica.open(fqdn, new ReplicaFile(data.replica()), listeners);
        NodeChannelAgent agent = new NodeChannelAgent(fqdn, client, replica, clock, instanceType, reenrolment);
        agent.startLoops();
        LOG.info("Node channel to {}:{} started (mutual TLS as {})", management.getKey(), management.getValue(), fqdn);
        return agent;
    }

    private synchronized void startLoops() {
        heartbeatThread = daemon(heartbeats, "confab-heartbeat");
        replicationThread = daemon(replication, "confab-replication");
        heartbeatThread.start();
        replicationThread.start();
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static X509Certificate read(NodeData data, String which) {
        return Pem.readCertificates(text(data, which.equals("ca") ? data.caCertificate() : data.certificate())).get(0);
    }

    private static String text(NodeData data, java.nio.file.Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ConferencingException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Called by a loop, which then ends: the first refusal of the running loops stops both. */
    private void refused(ChannelRefusedException e) {
        synchronized (this) {
            Thread caller = Thread.currentThread();
            if (closed || refusal != null || reenrolmentThread != null
                    || (caller != heartbeatThread && caller != replicationThread)) {
                return;
            }
            heartbeatThread.interrupt();
            replicationThread.interrupt();
            if (e.unknown() && reenrolment != null) {
                reenrolmentState = "in progress";
                reenrolmentThread = daemon(() -> reenrol(e), "confab-reenrolment");
                reenrolmentThread.start();
                return;
            }
            refusal = e.getMessage();
        }
        logStopped(e.getMessage());
    }

    private void reenrol(ChannelRefusedException unknown) {
        LOG.warn("{} Enrolling again, once, with the token of the stored configuration file.", unknown.getMessage());
        try {
            String serial = reenrolment.reenrol();
            reenrolmentState = "enrolled again with certificate " + serial + "; restarting";
        } catch (EnrolmentUnansweredException e) {
            resumeLater(e);
        } catch (RuntimeException e) {
            String reason = unknown.getMessage() + " Enrolling again with the token of the stored configuration file"
                    + " failed: " + e.getMessage();
            synchronized (this) {
                if (closed) {
                    return;
                }
                reenrolmentState = "refused";
                refusal = reason;
            }
            logStopped(reason);
        }
    }

    /** An undecided re-enrolment: nothing changed, so the loops go on with the old certificate after an interval. */
    private void resumeLater(EnrolmentUnansweredException e) {
        Duration pause = Jitter.around(heartbeats.interval(), ThreadLocalRandom.current());
        LOG.warn("{} The node keeps its certificate and calls the Management Node again in {} ms.", e.getMessage(),
                pause.toMillis());
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            return;
        }
        synchronized (this) {
            if (!closed) {
                reenrolmentThread = null;
                reenrolmentState = null;
                startLoops();
            }
        }
    }

    private static void logStopped(String reason) {
        LOG.error("{} This node stops reporting; provision it again with a new configuration file.", reason);
    }

    public Replica replica() {
        return replica;
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
        status.put("last_contact", contact == null ? null : contact.toString());
        Heartbeat reported = payload.get();
        status.put("instance_type", payload.instanceType());
        status.put("max_hd_calls", reported.capacity().maxHdCalls());
        status.put("reporting", isReporting());
        status.put("refusal", refusal);
        status.put("re_enrolment", reenrolmentState);
        return status;
    }

    private synchronized boolean isReporting() {
        return refusal == null && reenrolmentThread == null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        heartbeatThread.interrupt();
        replicationThread.interrupt();
        if (reenrolmentThread != null) {
            reenrolmentThread.interrupt();
        }
    }
}
