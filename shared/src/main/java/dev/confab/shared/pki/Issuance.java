package dev.confab.shared.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Signs certificates: the steps every certificate Confab makes has in common. */
final class Issuance {

    /** How far back a new certificate's validity starts, so nodes whose clocks lag still accept it. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What to certify: who, which key, for how long and with which extensions. */
    record Template(X500Name subject, SubjectPublicKeyInfo subjectKey, Instant notBefore, Instant notAfter,
                    List<Extension> extensions) {

        /** This template, cut short so that it ends no later than {@code limit}. */
        Template endingBy(Instant limit) {
            return notAfter.isAfter(limit) ? new Template(subject, subjectKey, notBefore, limit, extensions) : this;
        }
    }

    private Issuance() {
    }

    /** A template valid from {@link #CLOCK_SKEW} before {@code now} for {@code validity} after it. */
    static Template template(X500Name subject, SubjectPublicKeyInfo subjectKey, Instant now, Duration validity,
                             List<Extension> extensions) {
        if (validity.isNegative() || validity.isZero()) {
            throw new PkiException("A certificate must be valid for a positive duration, not " + validity + ".");
        }
        return new Template(subject, subjectKey, now.minus(CLOCK_SKEW), now.plus(validity), extensions);
    }

    static X509Certificate sign(Template template, X500Name issuer, PublicKey issuerKey, PrivateKey signingKey) {
        try {
            JcaX509ExtensionUtils extensionUtils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, randomSerial(),
                    toDate(template.notBefore()), toDate(template.notAfter()),
                    template.subject(), template.subjectKey())
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensionUtils.createSubjectKeyIdentifier(template.subjectKey()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensionUtils.createAuthorityKeyIdentifier(issuerKey));
            for (Extension extension : template.extensions()) {
                builder.addExtension(extension);
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(signingKey)));
        } catch (IOException | GeneralSecurityException e) {
            throw new PkiException("Signing the certificate for " + template.subject() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** A random positive 128-bit serial number, as CAs are expected to use (unpredictable, never reused). */
    static BigInteger randomSerial() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        BigInteger serial = new BigInteger(1, bytes);
        return serial.signum() == 0 ? BigInteger.ONE : serial;
    }

    static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(signatureAlgorithm(key)).build(key);
        } catch (OperatorCreationException e) {
            throw new PkiException("The " + key.getAlgorithm() + " key cannot sign: " + e.getMessage(), e);
        }
    }

    static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new PkiException("Keys of type " + key.getAlgorithm() + " are not supported;"
                    + " use an EC (P-256) or RSA key.");
        };
    }

    static Date toDate(Instant instant) {
        // X.509 times have whole seconds
        return Date.from(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
