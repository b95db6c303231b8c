package dev.confab.shared.pki;

import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/**
 * What an operator needs to see about a certificate, and whether it may serve a host name.
 * Immutable and thread-safe.
 *
 * @param subjectName       subject distinguished name, RFC 2253 (e.g. {@code CN=mgmt.example.com,O=Example})
 * @param issuerName        issuer distinguished name, RFC 2253
 * @param notBefore         start of validity
 * @param notAfter          end of validity; an expired certificate is described, not refused
 * @param serialNumber      serial number in lowercase hex
 * @param subjectAltNames   DNS names as written and IP addresses as Java formats them (no "DNS:" prefix)
 * @param fingerprintSha256 SHA-256 of the certificate, lowercase hex pairs joined by colons
 */
public record CertificateInfo(String subjectName, String issuerName, Instant notBefore, Instant notAfter,
                              String serialNumber, List<String> subjectAltNames, String fingerprintSha256) {

    public CertificateInfo {
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    public static CertificateInfo of(X509Certificate certificate) {
        return new CertificateInfo(
                certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                certificate.getIssuerX500Principal().getName(X500Principal.RFC2253),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                certificate.getSerialNumber().toString(16),
                subjectAltNamesOf(certificate),
                Fingerprints.sha256(certificate));
    }

    /**
     * Describes the first certificate in {@code certificatePem} (the leaf of a chain file). When a
     * private key is given (decrypted with {@code passphraseOrNull} if it is encrypted), refuses it
     * unless it is the key of that certificate.
     */
    public static CertificateInfo parse(String certificatePem, String privateKeyPemOrNull, char[] passphraseOrNull) {
        X509Certificate certificate = Pem.readCertificates(certificatePem).get(0);
        if (privateKeyPemOrNull != null) {
            PrivateKey key = Pem.readPrivateKey(privateKeyPemOrNull, passphraseOrNull);
            if (!KeyMatch.matches(certificate.getPublicKey(), key)) {
                throw new PkiException("The private key does not match the certificate: it is not the key the"
                        + " certificate was issued for. Upload the key that was generated with this certificate's"
                        + " signing request.");
            }
        }
        return of(certificate);
    }

    /** True when {@code instant} lies within the certificate's validity. */
    public boolean isValidAt(Instant instant) {
        return !instant.isBefore(notBefore) && !instant.isAfter(notAfter);
    }

    /**
     * True when the common name or a DNS alternative name matches {@code fqdn}, ignoring case and a
     * trailing dot; a wildcard such as {@code *.example.com} matches exactly one leftmost label.
     */
    public boolean names(String fqdn) {
        String host = fqdn.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
        List<String> candidates = new ArrayList<>(subjectAltNames);
        candidates.add(Names.commonNameOf(new X500Name(subjectName)));
        return candidates.stream()
                .filter(name -> !Names.isIpLiteral(name))
                .map(name -> name.toLowerCase(Locale.ROOT))
                .anyMatch(name -> matches(name, host));
    }

    private static boolean matches(String pattern, String host) {
        if (!pattern.startsWith("*.")) {
            return pattern.equals(host);
        }
        int firstDot = host.indexOf('.');
        return firstDot > 0 && host.substring(firstDot + 1).equals(pattern.substring(2));
    }

    private static List<String> subjectAltNamesOf(X509Certificate certificate) {
        try {
            Extension extension = new JcaX509CertificateHolder(certificate)
                    .getExtension(Extension.subjectAlternativeName);
            return extension == null ? List.of() : Names.values(GeneralNames.getInstance(extension.getParsedValue()));
        } catch (CertificateEncodingException e) {
            throw new PkiException("The certificate cannot be read: " + e.getMessage(), e);
        }
    }
}
