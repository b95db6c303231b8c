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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A configured node's side of the node channel: heartbeats and configuration replication over
 * mutual TLS with the node's enrolled certificate, and the replica they keep (on disk when the
 * node's {@code enable_distributed_database} is on). When the Management Node refuses the node's
 * certificate (the node was deleted), both loops stop and the node stops reporting. Start with
 * {@link #start}, stop with {@link #close()}. Thread-safe.
 */
public final class NodeChannelAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeChannelAgent.class);

    private final String fqdn;
    private final Replica replica;
    private final HeartbeatPayload payload;
    private final HeartbeatLoop heartbeats;
    private final Thread heartbeatThread;
    private final Thread replicationThread;
    private volatile String refusal;

    private NodeChannelAgent(String fqdn, ChannelClient client, Replica replica, Clock clock,
                             Supplier<String> instanceType) {
        this.fqdn = fqdn;
        this.replica = replica;
        this.payload = new HeartbeatPayload(replica, clock.instant(), instanceType);
        this.heartbeats = new HeartbeatLoop(client, payload, this::refused, clock);
        this.heartbeatThread = new Thread(heartbeats, "confab-heartbeat");
        this.replicationThread = new Thread(new ReplicationLoop(client, replica, this::refused), "confab-replication");
    }

    /**
     * Starts the channel of the node enrolled in {@code data} as {@code fqdn}; its capacity is sized
     * for {@code instanceType} once that is known (empty: by the CPU count).
     */
    public static NodeChannelAgent start(NodeData data, String fqdn, Clock clock, List<MeshListener> listeners,
                                         Supplier<String> instanceType) {
        Map.Entry<String, Integer> management = data.management().orElseThrow(() -> new ConferencingException(
                "The data directory " + data.root() + " has no Management Node address: provision the node again."));
        ChannelClient client = new ChannelClient(management.getKey(), management.getValue(), read(data, "ca"),
                new IssuedCertificate(read(data, "node"), Pem.readPrivateKey(text(data, data.key()), null)));
        Replica replica = Replica.open(fqdn, new ReplicaFile(data.replica()), listeners);
        NodeChannelAgent agent = new NodeChannelAgent(fqdn, client, replica, clock, instanceType);
        agent.heartbeatThread.setDaemon(true);
        agent.replicationThread.setDaemon(true);
        agent.heartbeatThread.start();
        agent.replicationThread.start();
        LOG.info("Node channel to {}:{} started (mutual TLS as {})", management.getKey(), management.getValue(), fqdn);
        return agent;
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

    private void refused(NodeUnknownException e) {
        if (refusal == null) {
            refusal = e.getMessage();
            LOG.error("{} This node stops reporting; provision it again with a new configuration file.",
                    e.getMessage());
            heartbeatThread.interrupt();
            replicationThread.interrupt();
        }
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
        status.put("reporting", refusal == null);
        status.put("refusal", refusal);
        return status;
    }

    @Override
    public void close() {
        heartbeatThread.interrupt();
        replicationThread.interrupt();
    }
}
