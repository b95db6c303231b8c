package dev.confab.bench.channel;

import dev.confab.shared.pki.CertificateAuthority;
import dev.confab.shared.pki.CertificateRequest;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.KeyPairs;

import java.security.KeyPair;
import java.time.Duration;
import java.util.List;

/** Certificates for the connection tests: a fresh EC P-256 key each, valid a day. */
final class TestCertificates {

    private TestCertificates() {
    }

    /** A key and a certificate {@code ca} issued to {@code name}, with {@code sans} (IPs, DNS names). */
    static IssuedCertificate issue(CertificateAuthority ca, String name, List<String> sans) {
        KeyPair keys = KeyPairs.ecP256();
        String csr = CertificateRequest.create(keys, name, sans).pem();
        return new IssuedCertificate(ca.issue(csr, name, sans, Duration.ofDays(1)), keys.getPrivate());
    }
}
