package dev.confab.management.replication;

import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.engine.HandleView;
import dev.confab.management.store.Store;
import dev.confab.shared.crypto.SecretBox;
import dev.confab.shared.wire.ConfigUpdate.NodeTlsCertificate;

import java.util.Map;
import java.util.Optional;

/**
 * The TLS certificate and key the administrator assigned to one node ({@code worker_vm.tls_certificate}),
 * which only that node receives. Thread-safe.
 */
final class OwnCertificates {

    private final Store store;
    private final SecretBox secrets;

    OwnCertificates(Store store, SecretBox secrets) {
        this.store = store;
        this.secrets = secrets;
    }

    Optional<NodeTlsCertificate> of(long nodeId) {
        return store.read(handle -> {
            HandleView view = new HandleView(handle, secrets);
            Optional<Map<String, Object>> node = view.find(ResourceNames.WORKER_VM, nodeId);
            Object certificateId = node.map(row -> row.get("tls_certificate")).orElse(null);
            if (!(certificateId instanceof Number id)) {
                return Optional.empty();
            }
            return view.find(ResourceNames.TLS_CERTIFICATE, id.longValue()).map(row -> new NodeTlsCertificate(
                    String.valueOf(row.get("certificate")), view.openSecret((String) row.get("private_key"))));
        });
    }
}
