package dev.confab.shared.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** Signs a certificate revocation list for an authority. */
final class RevocationList {

    /** How long relying parties may use a CRL before fetching a new one. */
    static final Duration LIFETIME = Duration.ofDays(7);

    private RevocationList() {
    }

    static X509CRL sign(X509Certificate authority, PrivateKey key, Map<BigInteger, Instant> revoked,
                        BigInteger number, Instant now) {
        try {
            X500Name issuer = X500Name.getInstance(authority.getSubjectX500Principal().getEncoded());
            X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer, Issuance.toDate(now))
                    .setNextUpdate(Issuance.toDate(now.plus(LIFETIME)))
                    .addExtension(Extension.cRLNumber, false, new CRLNumber(number))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(authority.getPublicKey()));
            revoked.forEach((serial, when) -> builder.addCRLEntry(serial, Issuance.toDate(when), (Extensions) null));
            return new JcaX509CRLConverter().getCRL(builder.build(Issuance.signer(key)));
        } catch (IOException | GeneralSecurityException e) {
            throw new PkiException("Signing the revocation list failed: " + e.getMessage(), e);
        }
    }
}
