package dev.confab.shared.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A certificate together with its private key, as made by {@link SelfSigned} or by a node that
 * generated its key and had the request signed. Immutable and thread-safe; {@link #toString()} never
 * shows the key.
 */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey) {

    public IssuedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    public String certificatePem() {
        return Pem.encode(certificate);
    }

    /** The key unencrypted in PKCS#8 PEM; store it sealed or in a file only its owner can read. */
    public String privateKeyPem() {
        return Pem.encode(privateKey);
    }

    @Override
    public String toString() {
        return "IssuedCertificate[subject=" + certificate.getSubjectX500Principal().getName()
                + ", serial=" + certificate.getSerialNumber().toString(16) + "]";
    }
}
