package dev.confab.management.channel;

import dev.confab.management.resource.catalog.WorkerVm;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.store.NodeCertificate;
import dev.confab.management.store.NodeProvisioningDao;
import dev.confab.shared.pki.CertificateAuthority;
import dev.confab.shared.wire.NodeChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells which enrolled node a client certificate belongs to. TLS has already checked that the CA
 * issued it; here every request is also checked against the CA's revocation list and the store's
 * record of issued certificates, so a deleted node is refused from the moment its certificate is
 * revoked ({@link NodeChannel#REVOKED}, final). A certificate from the CA that the store has no
 * record of (the store was restored from a backup taken before the node enrolled) is refused as
 * {@link NodeChannel#UNKNOWN}: the node may enrol again with the token it holds. A request from
 * an address that is not the node's ({@link NodeSource}) is refused with 403. Refusals are logged.
 * What it learns of a certificate's node is kept in memory until {@link #nodeChanged(long) the node changes}.
 * Thread-safe.
 */
public final class ChannelAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelAuthenticator.class);

    private final ConfigurationService configuration;
    private final CertificateAuthority authority;
    private final Map<BigInteger, ChannelNode> known = new ConcurrentHashMap<>();
    /** Counts {@link #nodeChanged(long)}, so that a lookup that read before a change does not cache after it. */
    private final AtomicLong changes = new AtomicLong();

    public ChannelAuthenticator(ConfigurationService configuration, CertificateAuthority authority) {
        this.configuration = configuration;
        this.authority = authority;
    }

    /**
     * Forgets what it knows of node {@code nodeId}: called after every committed change to its
     * {@code worker_vm}, so that a change to one node of many costs that node's next request one read.
     */
    public void nodeChanged(long nodeId) {
        changes.incrementAndGet();
        known.values().removeIf(node -> node.nodeId() == nodeId);
    }

    /** The node presenting {@code chain} (leaf first) from {@code from}, or a refusal. */
    public ChannelNode identify(X509Certificate[] chain, String from) {
        if (chain == null || chain.length == 0) {
            throw refuse(401, null, from, "-", "The node channel needs the client certificate the node received at"
                    + " enrolment; only enrolment works without one.");
        }
        BigInteger serial = chain[0].getSerialNumber();
        // the serial in hexadecimal only where it is used: a known node's every request would make it anew
        if (authority.isRevoked(serial)) {
            known.remove(serial);
            throw revoked(from, serial.toString(16));
        }
        ChannelNode node = known.get(serial);
        if (node == null) {
            node = lookUp(serial, serial.toString(16), from);
        }
        if (!node.source().admits(from)) {
            throw refuse(403, null, from, node.serial(), node.source().refusal(from));
        }
        return node;
    }

    private ChannelNode lookUp(BigInteger serial, String hex, String from) {
        long before = changes.get();
        record Issued(NodeCertificate certificate, Optional<WorkerVm> node) {
        }
        Issued issued = configuration.read(transaction -> transaction.dao(NodeProvisioningDao.class)
                .certificateBySerial(hex).map(certificate -> new Issued(certificate,
                        transaction.reads().workerVm(certificate.nodeId()))))
                .orElseThrow(() -> refuse(403, NodeChannel.UNKNOWN, from, hex, "The certificate " + hex + " is"
                        + " from this Management Node's CA, but it has no record of it, as when it was restored"
                        + " from a backup taken before the node enrolled: the node is unknown and may enrol again"
                        + " with the token of its configuration file."));
        // a deleted node's certificate is revoked just after the deletion commits
        if (issued.certificate().revoked() != null || issued.node().isEmpty()) {
            throw revoked(from, hex);
        }
        NodeCertificate certificate = issued.certificate();
        ChannelNode node = new ChannelNode(certificate.nodeId(), issued.node().get().name(), certificate.fqdn(), hex,
                NodeSource.of(issued.node().get()));
        if (changes.get() == before) {
            known.put(serial, node);
        }
        return node;
    }

    private static NodeNotAdmittedException revoked(String from, String serial) {
        return refuse(403, NodeChannel.REVOKED, from, serial, "The certificate " + serial + " has been revoked: the"
                + " node was deleted from the Management Node. Add it again and provision it with its new"
                + " configuration file.");
    }

    private static NodeNotAdmittedException refuse(int status, String kind, String from, String serial, String reason) {
        LOG.warn("Refused a node channel request from {} (certificate {}): {}", from, serial, reason);
        return new NodeNotAdmittedException(status, kind, reason);
    }
}
