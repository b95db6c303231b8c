package dev.confab.management.resource.catalog;

import dev.confab.management.resource.StoredRow;

/**
 * A TLS certificate an administrator uploaded ({@code tls_certificate}), as stored: the PEM chain and
 * its private key still sealed under the Management Node's secret key. Immutable.
 */
public record TlsCertificate(long id, String certificate, String sealedPrivateKey) {

    /** The certificate as the engine stored it. */
    public static TlsCertificate of(StoredRow row) {
        return new TlsCertificate(row.id(), row.text("certificate"), row.text("private_key"));
    }
}
