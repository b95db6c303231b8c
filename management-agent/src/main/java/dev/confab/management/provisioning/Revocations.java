package dev.confab.management.provisioning;

import dev.confab.management.adminlog.Actor;
import dev.confab.management.adminlog.AdminLog;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.store.AdminLogDao;
import dev.confab.management.store.Daos;
import dev.confab.management.store.NodeCertificate;
import dev.confab.management.store.NodeProvisioningDao;
import dev.confab.management.store.Store;
import dev.confab.management.store.Times;
import dev.confab.shared.pki.CertificateAuthority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Revokes the certificates of deleted nodes and retires their unused tokens: after each committed
 * deletion of a {@code worker_vm}, and once at start for deletions a crash interrupted.
 * The CA records a revocation on disk before the store marks it. Thread-safe.
 */
public final class Revocations {

    private static final Logger LOG = LoggerFactory.getLogger(Revocations.class);

    private final Store store;
    private final CertificateAuthority authority;
    private final Clock clock;

    public Revocations(Store store, CertificateAuthority authority, Clock clock) {
        this.store = store;
        this.authority = authority;
        this.clock = clock;
    }

    /**
     * A deleted node loses its unused tokens and its certificates; returns the ids of the nodes
     * whose certificates were revoked (a node's id may belong to a newer node by then).
     */
    public List<Long> nodeDeleted(long nodeId) {
        store.write(handle -> Daos.on(handle, NodeProvisioningDao.class).retireTokensOfDeletedNode(nodeId));
        return revokeDeleted();
    }

    /** Revokes every valid certificate whose node is gone; returns the ids of their nodes. */
    public synchronized List<Long> revokeDeleted() {
        return store.write(handle -> {
            NodeProvisioningDao dao = Daos.on(handle, NodeProvisioningDao.class);
            List<NodeCertificate> orphans = dao.certificatesOfDeletedNodes();
            Instant now = clock.instant();
            for (NodeCertificate certificate : orphans) {
                authority.revoke(new BigInteger(certificate.serial(), 16));
                dao.revokeCertificate(certificate.serial(), Times.format(now));
                AdminLog.of(AdminLog.Action.CERTIFICATE_REVOKED, now).by(Actor.system("nodes"))
                        .about(ResourceNames.WORKER_VM, certificate.nodeId(), certificate.fqdn())
                        .details("certificate " + certificate.serial() + " revoked: the node was deleted")
                        .appendTo(Daos.on(handle, AdminLogDao.class));
                LOG.info("Revoked certificate {} of deleted node {}", certificate.serial(), certificate.fqdn());
            }
            return orphans.stream().map(NodeCertificate::nodeId).distinct().toList();
        });
    }
}
