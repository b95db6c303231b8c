package dev.confab.conferencing.channel;

import dev.confab.shared.logging.LogFields;
import dev.confab.shared.wire.ConfigUpdate;
import dev.confab.shared.wire.ConfigUpdate.NodeTlsCertificate;
import dev.confab.shared.wire.MeshPeer;
import dev.confab.shared.wire.ReplicatedConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The node's copy of the configuration. An answer is applied all at once: the next state is built
 * aside, written to disk first when the node keeps its replica there ({@code enable_distributed_database}),
 * then swapped in, so readers see one revision or the next, never a mix. Mesh listeners hear of a
 * changed node list. Thread-safe: applies are serialised, reads take the current state.
 */
public final class Replica {

    private static final Logger LOG = LoggerFactory.getLogger(Replica.class);

    /** A whole state of the replica. */
    private record State(ReplicatedConfig config, NodeTlsCertificate tlsCertificate, boolean fetched) {
    }

    private final String fqdn;
    private final ReplicaFile file;
    private final List<MeshListener> listeners;
    private volatile State state;
    private volatile boolean snapshotWanted;

    private Replica(String fqdn, ReplicaFile file, List<MeshListener> listeners, State state) {
        this.fqdn = fqdn;
        this.file = file;
        this.listeners = List.copyOf(listeners);
        this.state = state;
    }

    /**
     * The replica of node {@code fqdn}: the one {@code file} holds when there is one, else empty.
     * {@code file} may be null for a node that never keeps its replica on disk.
     */
    public static Replica open(String fqdn, ReplicaFile file, List<MeshListener> listeners) {
        State state = Optional.ofNullable(file).flatMap(ReplicaFile::read)
                .map(contents -> new State(contents.config(), contents.tlsCertificate(), true))
                .orElse(new State(ReplicatedConfig.empty(), null, false));
        Replica replica = new Replica(fqdn, file, listeners, state);
        if (state.fetched()) {
            LogFields.put(LogFields.REVISION, Long.toString(state.config().revision()));
            LOG.info("Serving configuration revision {} from the replica on disk", state.config().revision());
            replica.tell(List.of(), state.config().enrolledMesh());
        }
        return replica;
    }

    /** The revision to ask changes after; -1 asks for a snapshot (nothing held yet, or a mismatch found). */
    public long since() {
        State current = state;
        return !current.fetched() || snapshotWanted ? -1 : current.config().revision();
    }

    public ReplicatedConfig config() {
        return state.config();
    }

    public Optional<NodeTlsCertificate> tlsCertificate() {
        return Optional.ofNullable(state.tlsCertificate());
    }

    /** Whether anything has been fetched (or loaded from disk) yet. */
    public boolean fetched() {
        return state.fetched();
    }

    /**
     * Applies an answer; returns false when the result does not match the answer's checksum, in
     * which case the next poll asks for a snapshot.
     */
    public synchronized boolean apply(ConfigUpdate update) {
        State before = state;
        ReplicatedConfig next = before.config().apply(update);
        NodeTlsCertificate tls = update.changesObjects() ? update.tlsCertificate() : before.tlsCertificate();
        State after = new State(next, tls, true);
        boolean consistent = Objects.equals(update.checksum(), next.checksum());
        snapshotWanted = !consistent;
        if (!consistent) {
            LOG.warn("The replica at revision {} does not match the Management Node's checksum; asking for a"
                    + " snapshot", next.revision());
        }
        if (!update.changesObjects() && before.fetched() && next.revision() == before.config().revision()) {
            return consistent;
        }
        persist(after);
        state = after;
        if (next.revision() != before.config().revision()) {
            LogFields.put(LogFields.REVISION, Long.toString(next.revision()));
            LOG.info("Applied configuration revision {}{}", next.revision(), update.snapshot() ? " (snapshot)" : "");
        }
        reportMaintenance(before.config(), next);
        tell(before.config().enrolledMesh(), next.enrolledMesh());
        return consistent;
    }

    private void persist(State after) {
        if (file == null) {
            return;
        }
        if (own(after.config()).map(node -> Boolean.TRUE.equals(node.get("enable_distributed_database")))
                .orElse(true)) {
            file.write(new ReplicaFile.Contents(after.config(), after.tlsCertificate()));
        } else {
            file.delete();
        }
    }

    /** This node's own {@code worker_vm} object, found by its FQDN. */
    public Optional<Map<String, Object>> self() {
        return own(state.config());
    }

    private Optional<Map<String, Object>> own(ReplicatedConfig config) {
        return config.objects("worker_vm").stream()
                .filter(node -> fqdn.equals(node.get("hostname") + "." + node.get("domain"))).findFirst();
    }

    /** Whether this node is in maintenance mode as its replica says. */
    public boolean maintenanceMode() {
        return self().map(node -> Boolean.TRUE.equals(node.get("maintenance_mode"))).orElse(false);
    }

    public String maintenanceReason() {
        return self().map(node -> String.valueOf(node.get("maintenance_mode_reason"))).orElse("");
    }

    /** Whether the replica lives on disk now. */
    public boolean onDisk() {
        return file != null && file.exists();
    }

    private void reportMaintenance(ReplicatedConfig before, ReplicatedConfig after) {
        boolean was = own(before).map(node -> Boolean.TRUE.equals(node.get("maintenance_mode"))).orElse(false);
        boolean is = own(after).map(node -> Boolean.TRUE.equals(node.get("maintenance_mode"))).orElse(false);
        if (was != is) {
            // admission reads it from the replica; the heartbeat carries it to the Management Node
            LOG.info(is ? "Maintenance mode on ({}): this node takes no new conferences and reports itself in"
                    + " maintenance mode to the Management Node" : "Maintenance mode off{}: this node takes new"
                    + " conferences again and reports itself out of maintenance mode to the Management Node",
                    is ? maintenanceReason() : "");
        }
    }

    private void tell(List<MeshPeer> before, List<MeshPeer> after) {
        if (before.equals(after)) {
            return;
        }
        for (MeshListener listener : listeners) {
            try {
                listener.meshChanged(after);
            } catch (RuntimeException e) {
                LOG.error("A mesh listener failed on {} peers", after.size(), e);
            }
        }
    }
}
