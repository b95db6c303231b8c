package dev.confab.shared.ipsec;

import dev.confab.shared.pki.CertificateAuthority;
import dev.confab.shared.pki.CertificateRequest;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.KeyPairs;

import java.security.KeyPair;
import java.time.Duration;
import java.util.List;

/** Certificates for IPsec identities: the node's address as an IP subject alternative name. */
public final class IpsecCertificates {

    private IpsecCertificates() {
    }

    /** A new EC P-256 key and a certificate from {@code authority} for {@code address}, named {@code commonName}. */
    public static IssuedCertificate issue(CertificateAuthority authority, String commonName, String address,
                                          Duration validity) {
        SwanctlConf.requireAddress(address);
        KeyPair keys = KeyPairs.ecP256();
        String csr = CertificateRequest.create(keys, commonName, List.of(address)).pem();
        return new IssuedCertificate(authority.issue(csr, commonName, List.of(address), validity), keys.getPrivate());
    }
}
