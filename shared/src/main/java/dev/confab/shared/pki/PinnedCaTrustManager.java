package dev.confab.shared.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Set;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts a server whose chain contains the certificate with a pinned SHA-256 fingerprint and whose
 * leaf validates (PKIX: signatures, validity, constraints) up to that certificate as trust anchor.
 * Immutable and thread-safe.
 */
final class PinnedCaTrustManager implements X509TrustManager {

    private final String fingerprint;

    PinnedCaTrustManager(String normalizedFingerprint) {
        this.fingerprint = normalizedFingerprint;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("The server sent no certificate.");
        }
        int pinned = indexOfPinned(chain);
        if (pinned < 0) {
            throw new CertificateException("No certificate in the server's chain has the pinned fingerprint "
                    + fingerprint + "; the server uses another authority, or does not send its CA certificate.");
        }
        if (pinned == 0) {
            chain[0].checkValidity();
            return;
        }
        try {
            CertPath path = CertificateFactory.getInstance("X.509")
                    .generateCertPath(Arrays.asList(chain).subList(0, pinned));
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(chain[pinned], null)));
            // revocation is the issuing authority's CRL, which this client does not have yet
            parameters.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
        } catch (GeneralSecurityException e) {
            throw new CertificateException("The server's certificate does not verify against the pinned authority "
                    + fingerprint + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("A pinned client context does not accept client certificates.");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    private int indexOfPinned(X509Certificate[] chain) {
        for (int i = 0; i < chain.length; i++) {
            if (Fingerprints.sha256(chain[i]).equals(fingerprint)) {
                return i;
            }
        }
        return -1;
    }
}
