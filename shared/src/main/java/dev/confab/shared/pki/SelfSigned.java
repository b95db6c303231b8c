package dev.confab.shared.pki;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Self-signed TLS server certificates with a fresh EC P-256 key: what the Management Node serves
 * HTTPS with until an operator uploads a certificate, and what an unconfigured Conferencing Node
 * serves its port 8443 page with. Browsers warn about them; nothing should trust them by default.
 *
 * <p>Stateless and thread-safe.
 */
public final class SelfSigned {

    private SelfSigned() {
    }

    /**
     * A certificate for {@code commonName}, listing {@code sans} as subject alternative names (DNS
     * names, or IPv4 and IPv6 literals, which become iPAddress names), for serverAuth only. It is
     * valid from a few minutes before {@code clock}'s now, to allow for clock skew, for {@code validity}.
     */
    public static IssuedCertificate generate(String commonName, List<String> sans, Duration validity, Clock clock) {
        KeyPair keys = KeyPairs.ecP256();
        X500Name name = Names.commonName(commonName);
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        Issuance.Template template = Issuance.template(name, key, clock.instant(), validity,
                Profiles.endEntity(sans, key, KeyPurposeId.id_kp_serverAuth));
        X509Certificate certificate = Issuance.sign(template, name, keys.getPublic(), keys.getPrivate());
        return new IssuedCertificate(certificate, keys.getPrivate());
    }
}
