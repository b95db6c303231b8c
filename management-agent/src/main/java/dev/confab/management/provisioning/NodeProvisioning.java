package dev.confab.management.provisioning;

import dev.confab.management.DataDirectory;
import dev.confab.management.auth.FailedAttemptSummary;
import dev.confab.management.calls.Calls;
import dev.confab.management.calls.Calls;
import dev.confab.management.channel.NodeChannelServer;
import dev.confab.management.health.NodeMonitor;
import dev.confab.management.replication.ReplicationHub;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.store.Store;
import dev.confab.shared.crypto.SecretBox;
import dev.confab.shared.pki.CertificateAuthority;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Provisioning of Conferencing Nodes on the Management Node: the CA (created at first start in
 * {@code pki/}, key sealed), the node channel listener with enrolment, configuration files, and the
 * revocation of deleted nodes' certificates. Start with {@link #start}, stop with {@link #stop()}.
 */
public final class NodeProvisioning {

    private final CertificateAuthority authority;
    private final NodeChannelServer channel;
    private final ConfigurationFiles files;
    private final Enrolment enrolment;
    private final Revocations revocations;
    private final String address;

    private NodeProvisioning(CertificateAuthority authority, NodeChannelServer channel, ConfigurationFiles files,
                             Enrolment enrolment, Revocations revocations, String address) {
        this.authority = authority;
        this.channel = channel;
        this.files = files;
        this.enrolment = enrolment;
        this.revocations = revocations;
        this.address = address;
    }

    /**
     * Opens the CA, revokes certificates of nodes deleted while it was down, and starts the node
     * channel on {@code bind}:{@code nodePort}, where {@code monitor} takes heartbeats and
     * {@code replication} answers configuration polls; enrolment refusals are summed in {@code refusals}.
     */
    public static NodeProvisioning start(DataDirectory data, SecretBox secrets, Store store,
                                         ConfigurationService configuration, String bind, int nodePort, Clock clock,
                                         NodeMonitor monitor, ReplicationHub replication,
                                         FailedAttemptSummary refusals, Calls calls) {
        CertificateAuthority authority = CertificateAuthority.loadOrCreate(data.pki(), secrets,
                "Confab Management Node CA", clock);
        Revocations revocations = new Revocations(store, authority, clock);
        revocations.revokeDeleted();
        String address = advertisedAddress(bind);
        List<String> names = new ArrayList<>(List.of(address, "localhost"));
        if (!names.contains(bind) && !isWildcard(bind)) {
            names.add(bind);
        }
        Enrolment enrolment = new Enrolment(configuration, authority, clock, refusals);
        NodeChannelServer channel = NodeChannelServer.start(bind, nodePort, names, authority, enrolment,
                configuration, monitor, replication, calls);
        ManagementEndpoint endpoint = new ManagementEndpoint(address, channel.port(), authority.fingerprintSha256());
        ConfigurationFiles files = new ConfigurationFiles(configuration, endpoint,
                ConfigurationFiles.DEFAULT_TOKEN_LIFETIME, clock);
        return new NodeProvisioning(authority, channel, files, enrolment, revocations, address);
    }

    /** The address nodes are told to enrol at: the bind address, or this host's address when bound to all. */
    static String advertisedAddress(String bind) {
        if (!isWildcard(bind)) {
            return bind;
        }
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    private static boolean isWildcard(String bind) {
        return bind.equals("0.0.0.0") || bind.equals("::") || bind.isEmpty();
    }

    public CertificateAuthority authority() {
        return authority;
    }

    /** The address nodes reach the node channel at, as their configuration files say. */
    public String address() {
        return address;
    }

    /**
     * A deleted node loses its unused tokens, and its certificates are revoked; the enrolment
     * listeners hear of each node whose certificate was.
     */
    public void nodeDeleted(long nodeId) {
        revocations.nodeDeleted(nodeId).forEach(enrolment::changed);
    }

    /** After every committed change to a {@code worker_vm}: the node channel reads that node's addresses again. */
    public void nodeChanged(long nodeId) {
        channel.nodeChanged(nodeId);
    }

    /** Calls {@code listener} with the node's id after each successful enrolment, and after each revocation. */
    public void onEnrolled(LongConsumer listener) {
        enrolment.onEnrolled(listener);
    }

    public ConfigurationFiles files() {
        return files;
    }

    public int nodePort() {
        return channel.port();
    }

    /** The node channel's listener (its open connections, its meters). */
    public NodeChannelServer channel() {
        return channel;
    }

    public void stop() {
        channel.stop();
    }
}
