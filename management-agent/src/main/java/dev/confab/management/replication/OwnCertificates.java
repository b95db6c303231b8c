package dev.confab.management.replication;

import dev.confab.management.resource.catalog.WorkerVm;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.shared.crypto.SecretBox;
import dev.confab.shared.wire.ConfigUpdate.NodeTlsCertificate;

import java.util.Optional;

/**
 * The TLS certificate and key the administrator assigned to one node ({@code worker_vm.tls_certificate}),
 * which only that node receives. Thread-safe.
 */
final class OwnCertificates {

    private final ConfigurationService configuration;
    private final SecretBox secrets;

    OwnCertificates(ConfigurationService configuration, SecretBox secrets) {
        this.configuration = configuration;
        this.secrets = secrets;
    }

    Optional<NodeTlsCertificate> of(long nodeId) {
        return configuration.read(transaction -> transaction.reads().workerVm(nodeId)
                .flatMap(WorkerVm::tlsCertificate)
                .flatMap(id -> transaction.reads().tlsCertificate(id))
                .map(assigned -> new NodeTlsCertificate(assigned.certificate(), open(assigned.sealedPrivateKey()))));
    }

    private String open(String sealed) {
        return sealed.isEmpty() ? "" : secrets.open(sealed);
    }
}
