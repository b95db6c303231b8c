package dev.confab.management.channel;

import dev.confab.management.store.NodeCertificate;
import dev.confab.management.store.NodeProvisioningDao;
import dev.confab.management.store.Store;
import dev.confab.shared.pki.CertificateAuthority;
import dev.confab.shared.wire.NodeChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells which enrolled node a client certificate belongs to. TLS has already checked that the CA
 * issued it; here every request is also checked against the CA's revocation list and the store's
 * record of issued certificates, so a deleted node is refused from the moment its certificate is
 * revoked ({@link NodeChannel#REVOKED}, final). A certificate from the CA that the store has no
 * record of (the store was restored from a backup taken before the node enrolled) is refused as
 * {@link NodeChannel#UNKNOWN}: the node may enrol again with the token it holds. Refusals are
 * logged. Thread-safe.
 */
public final class ChannelAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelAuthenticator.class);

    private final Store store;
    private final CertificateAuthority authority;
    private final Map<BigInteger, ChannelNode> known = new ConcurrentHashMap<>();

    public ChannelAuthenticator(Store store, CertificateAuthority authority) {
        this.store = store;
        this.authority = authority;
    }

    /** The node presenting {@code chain} (leaf first) from {@code from}, or a refusal. */
    public ChannelNode identify(X509Certificate[] chain, String from) {
        if (chain == null || chain.length == 0) {
            throw refuse(401, null, from, "-", "The node channel needs the client certificate the node received at"
                    + " enrolment; only enrolment works without one.");
        }
        BigInteger serial = chain[0].getSerialNumber();
        String hex = serial.toString(16);
        if (authority.isRevoked(serial)) {
            known.remove(serial);
            throw revoked(from, hex);
        }
        ChannelNode node = known.get(serial);
        if (node != null) {
            return node;
        }
        NodeCertificate issued = store.read(handle -> handle.attach(NodeProvisioningDao.class)
                .certificateBySerial(hex)).orElseThrow(() -> refuse(403, NodeChannel.UNKNOWN, from, hex,
                "The certificate " + hex + " is from this Management Node's CA, but it has no record of it, as"
                        + " when it was restored from a backup taken before the node enrolled: the node is unknown"
                        + " and may enrol again with the token of its configuration file."));
        if (issued.revoked() != null) {
            throw revoked(from, hex);
        }
        node = new ChannelNode(issued.nodeId(), issued.fqdn(), hex);
        known.put(serial, node);
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
