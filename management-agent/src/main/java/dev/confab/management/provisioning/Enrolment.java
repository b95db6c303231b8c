package dev.confab.management.provisioning;

import dev.confab.management.adminlog.Actor;
import dev.confab.management.adminlog.AdminLog;
import dev.confab.management.auth.FailedAttemptSummary;
import dev.confab.management.channel.Enroller;
import dev.confab.management.channel.EnrolmentRefusedException;
import dev.confab.management.channel.NodeSource;
import dev.confab.management.resource.ValidationException;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.catalog.WorkerVm;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.resource.engine.StoreTransaction;
import dev.confab.management.store.AdminLogDao;
import dev.confab.management.store.NodeCertificate;
import dev.confab.management.store.NodeProvisioningDao;
import dev.confab.management.store.NodeToken;
import dev.confab.management.store.Times;
import dev.confab.shared.crypto.Tokens;
import dev.confab.shared.pki.CertificateAuthority;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.PkiException;
import dev.confab.shared.wire.EnrolRequest;
import dev.confab.shared.wire.EnrolResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Exchanges a single-use enrolment token and a CSR for a node certificate issued by the CA (SANs:
 * the node's FQDN, IPv4 address and SIP TLS FQDN), only to a request from the node's configured or
 * static NAT address ({@link NodeSource}). Using the token, storing the certificate and the
 * administrator-log line happen in one transaction; a refusal changes nothing, and refusals are
 * summed per source address and minute in the administrator log (with the first one's reason).
 * Thread-safe.
 */
public final class Enrolment implements Enroller {

    private static final Logger LOG = LoggerFactory.getLogger(Enrolment.class);

    /** How long a node certificate is valid. */
    public static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(825);

    private final ConfigurationService configuration;
    private final CertificateAuthority authority;
    private final Clock clock;
    private final FailedAttemptSummary refusals;
    private final List<LongConsumer> enrolledListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Enrolment(ConfigurationService configuration, CertificateAuthority authority, Clock clock,
                     FailedAttemptSummary refusals) {
        this.configuration = configuration;
        this.authority = authority;
        this.clock = clock;
        this.refusals = refusals;
    }

    /** Called with the node's id after each enrolment has committed (the node now holds a valid certificate). */
    public void onEnrolled(LongConsumer listener) {
        enrolledListeners.add(listener);
    }

    /** Tells the listeners that node {@code nodeId}'s certificates changed otherwise (a revocation has committed). */
    void changed(long nodeId) {
        enrolledListeners.forEach(listener -> runListener(listener, nodeId));
    }

    @Override
    public EnrolResponse enrol(EnrolRequest request, String from) {
        if (request.token() == null || request.token().isBlank() || request.csr() == null || request.csr().isBlank()) {
            throw new ValidationException("An enrolment needs the token from the node's configuration file and a"
                    + " certificate signing request (PEM).");
        }
        try {
            EnrolResponse response = configuration.write(transaction -> issue(transaction, request, from));
            enrolledListeners.forEach(listener -> runListener(listener, response.nodeId()));
            return response;
        } catch (Refusal refusal) {
            refusals.record(from, refusal.nodeName, refusal.nodeId, refusal.getMessage(), false);
            throw new EnrolmentRefusedException(refusal.getMessage());
        }
    }

    private EnrolResponse issue(StoreTransaction transaction, EnrolRequest request, String from) {
        NodeProvisioningDao dao = transaction.dao(NodeProvisioningDao.class);
        NodeToken token = dao.tokenByHash(Tokens.sha256Hex(request.token().strip())).orElseThrow(() -> new Refusal(
                null, "-", "The enrolment token is unknown to this Management Node: upload the configuration file"
                + " this Management Node made for the node."));
        Instant now = clock.instant();
        String reason = switch (token.state()) {
            case NodeToken.USED -> "The enrolment token was already used (at " + token.used() + "); a token works"
                    + " once. Download a new configuration file for " + token.nodeName() + " and upload it.";
            case NodeToken.SUPERSEDED -> "The enrolment token was replaced by a newer configuration file for "
                    + token.nodeName() + ": upload the newest file.";
            case NodeToken.NODE_DELETED -> deleted(token);
            default -> null;
        };
        WorkerVm node = transaction.reads().workerVm(token.nodeId()).orElse(null);
        if (reason == null && (node == null || dao.creationRevision(token.nodeId()).orElse(-1L) != token.nodeRevision())) {
            reason = deleted(token);
        }
        if (reason == null && !now.isBefore(Times.parse(token.expires()))) {
            reason = "The enrolment token expired at " + token.expires() + " UTC. Download a new configuration file"
                    + " for " + token.nodeName() + " and upload it.";
        }
        if (reason == null && !NodeSource.of(node).admits(from)) {
            // a file edited to another address and uploaded there: the token stays usable on the right host
            reason = NodeSource.of(node).refusal(from);
        }
        if (reason != null) {
            throw new Refusal(token.nodeId(), token.nodeName(), reason);
        }
        String fqdn = node.fqdn();
        X509Certificate certificate = certify(request.csr(), fqdn, node, token);
        if (dao.useToken(token.id(), Times.format(now)) != 1) {
            throw new Refusal(token.nodeId(), token.nodeName(), "The enrolment token was used by another request at"
                    + " the same moment; a token works once.");
        }
        String serial = certificate.getSerialNumber().toString(16);
        dao.insertCertificate(new NodeCertificate(0, token.nodeId(), token.nodeRevision(), serial, fqdn,
                Pem.encode(certificate), Times.format(now), from, null));
        AdminLog.of(AdminLog.Action.ENROLLED, now).by(Actor.node(fqdn, from))
                .about(ResourceNames.WORKER_VM, token.nodeId(), token.nodeName())
                .details("certificate " + serial + " issued")
                .appendTo(transaction.dao(AdminLogDao.class));
        return new EnrolResponse(token.nodeId(), fqdn, Pem.encode(certificate), Pem.encode(authority.certificate()));
    }

    /** A listener's failure is logged: the enrolment has committed and the node gets its certificate. */
    private static void runListener(LongConsumer listener, long nodeId) {
        try {
            listener.accept(nodeId);
        } catch (RuntimeException e) {
            LOG.error("A listener failed after an enrolment", e);
        }
    }

    private X509Certificate certify(String csr, String fqdn, WorkerVm node, NodeToken token) {
        List<String> names = new ArrayList<>(List.of(fqdn, node.address()));
        node.sipTlsFqdn().filter(sipFqdn -> !names.contains(sipFqdn)).ifPresent(names::add);
        try {
            return authority.issue(csr, fqdn, names, CERTIFICATE_VALIDITY);
        } catch (PkiException e) {
            throw new Refusal(token.nodeId(), token.nodeName(), "The certificate signing request was refused: "
                    + e.getMessage());
        }
    }

    private static String deleted(NodeToken token) {
        return "The enrolment token belongs to the Conferencing Node " + token.nodeName() + ", which has been deleted"
                + " from the Management Node. Add the node again and upload its new configuration file.";
    }

    /** Thrown inside the transaction so that it rolls back; reported after it. */
    private static final class Refusal extends RuntimeException {
        private final Long nodeId;
        private final String nodeName;

        Refusal(Long nodeId, String nodeName, String message) {
            super(message, null, false, false);
            this.nodeId = nodeId;
            this.nodeName = nodeName;
        }
    }
}
