package dev.confab.management.resource.catalog;

import dev.confab.management.resource.Candidate;
import dev.confab.management.resource.FieldErrors;
import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ResourceRules;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.StoreView;
import dev.confab.management.store.Times;
import dev.confab.shared.ConfabException;
import dev.confab.shared.pki.CertificateInfo;
import dev.confab.shared.pki.Pem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tls_certificate}: a certificate and its private key. The key is checked against the
 * certificate, re-encoded without its passphrase and kept encrypted; the certificate's names and
 * dates are exposed read-only.
 */
final class TlsCertificates implements ResourceRules {

    static final String NAME = ResourceNames.TLS_CERTIFICATE;

    static ResourceSpec spec() {
        return ResourceSpec.builder(NAME, "TLS certificate")
                .displayField("subject_name")
                .field(FieldSpec.string("certificate").required().maxLength(65536).multiLine()
                        .help("The certificate in PEM, optionally followed by its intermediate certificates."))
                .field(FieldSpec.string("private_key").required().maxLength(65536).multiLine().secret(FieldSpec.Secret.SEALED)
                        .help("The private key in PEM (write-only; kept encrypted)."))
                .field(FieldSpec.string("private_key_passphrase").computed().writeOnly()
                        .help("Passphrase of an encrypted private key (write-only; not kept)."))
                .field(FieldSpec.string("subject_name").readOnly().help("Subject of the certificate."))
                .field(FieldSpec.string("issuer_name").readOnly().help("Issuer of the certificate."))
                .field(FieldSpec.string("start_date").readOnly().help("Start of validity (UTC)."))
                .field(FieldSpec.string("end_date").readOnly().help("End of validity (UTC)."))
                .field(FieldSpec.string("serial_no").readOnly().help("Serial number (hex)."))
                .field(FieldSpec.string("subject_alt_names").readOnly().help("Subject alternative names."))
                .field(FieldSpec.relatedList("nodes", ResourceNames.WORKER_VM).computed()
                        .help("Conferencing Nodes that present this certificate; set it on each node's"
                                + " tls_certificate (read-only)."))
                .rules(new TlsCertificates())
                .defaultOrder("subject_name")
                .build();
    }

    @Override
    public void check(Candidate candidate, StoreView store, FieldErrors errors) {
        if (errors.has("certificate") || errors.has("private_key")) {
            return;
        }
        try {
            info(candidate, store);
        } catch (ConfabException e) {
            errors.add(candidate.given("private_key") ? "private_key" : "certificate", e.getMessage());
        }
    }

    @Override
    public void derive(Candidate candidate, StoreView store) {
        CertificateInfo info = info(candidate, store);
        candidate.put("subject_name", info.subjectName());
        candidate.put("issuer_name", info.issuerName());
        candidate.put("start_date", Times.format(info.notBefore()));
        candidate.put("end_date", Times.format(info.notAfter()));
        candidate.put("serial_no", info.serialNumber());
        candidate.put("subject_alt_names", String.join(", ", info.subjectAltNames()));
        if (candidate.given("private_key")) {
            String passphrase = candidate.text("private_key_passphrase");
            String plainKey = candidate.text("private_key");
            String normalised = Pem.encode(Pem.readPrivateKey(plainKey,
                    passphrase.isEmpty() ? null : passphrase.toCharArray()));
            candidate.put("private_key", normalised);
        }
        candidate.values().remove("private_key_passphrase");
    }

    @Override
    public void render(Map<String, Object> values, StoreView store) {
        renderPage(List.of(values), store);
    }

    /** The nodes of every certificate of the page, in one query. */
    @Override
    public void renderPage(List<Map<String, Object>> certificates, StoreView store) {
        Map<Object, List<String>> nodes = new HashMap<>();
        List<Object> ids = certificates.stream().map(certificate -> certificate.get("id")).toList();
        for (Map<String, Object> node : store.findIn(ResourceNames.WORKER_VM, NAME, ids)) {
            nodes.computeIfAbsent(((Number) node.get(NAME)).longValue(), id -> new ArrayList<>())
                    .add("/api/admin/configuration/v1/" + ResourceNames.WORKER_VM + "/" + node.get("id") + "/");
        }
        certificates.forEach(certificate -> certificate.put("nodes",
                nodes.getOrDefault(((Number) certificate.get("id")).longValue(), List.of())));
    }

    private static CertificateInfo info(Candidate candidate, StoreView store) {
        String key = candidate.given("private_key") ? candidate.text("private_key")
                : store.openSecret(candidate.text("private_key"));
        String passphrase = candidate.given("private_key") ? candidate.text("private_key_passphrase") : "";
        return CertificateInfo.parse(candidate.text("certificate"), key,
                passphrase.isEmpty() ? null : passphrase.toCharArray());
    }
}
