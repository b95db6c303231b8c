package dev.confab.management.ipsec;

import dev.confab.shared.crypto.SecretBox;
import dev.confab.shared.internal.SecureFiles;
import dev.confab.shared.ipsec.IpsecCertificates;
import dev.confab.shared.ipsec.IpsecIdentity;
import dev.confab.shared.ipsec.SwanctlLayout;
import dev.confab.shared.pki.CertificateAuthority;
import dev.confab.shared.pki.CertificateInfo;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.Pem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The Management Node's own IPsec certificate, issued by its CA for its node-channel address. The
 * certificate is kept as {@code <data>/ipsec/ipsec.crt}; its key only where charon reads it, the
 * swanctl directory's {@code private/node.key} (PEM, mode 0600 in a 0700 directory): charon takes
 * plain keys only, and a sealed copy beside the plain one would protect nothing (see "Secrets at rest"
 * in docs/architecture.md). The sealed {@code ipsec.key.enc} of earlier releases is taken over once
 * and removed. The certificate is issued again when it or its key is missing, when they do not
 * belong together, for another address or authority, or within 30 days of expiry. Not thread-safe;
 * called once at start.
 */
public final class IpsecCertificateStore {

    static final Duration VALIDITY = Duration.ofDays(825);
    /** Where earlier releases kept the key, sealed with {@code secret.key}. */
    static final String SEALED_KEY = "ipsec.key.enc";
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private IpsecCertificateStore() {
    }

    /**
     * The certificate in {@code directory} with its key in {@code swanctlDirectory}, or a new one for
     * {@code address}; {@code secrets} opens the key of an earlier release.
     */
    public static IssuedCertificate loadOrIssue(Path directory, Path swanctlDirectory, IpsecIdentity self,
                                                SecretBox secrets, CertificateAuthority authority, String address,
                                                Clock clock) {
        Path certificate = directory.resolve("ipsec.crt");
        Path key = SwanctlLayout.privateKey(swanctlDirectory, self);
        Path sealedKey = directory.resolve(SEALED_KEY);
        try {
            if (Files.exists(certificate) && (Files.exists(key) || Files.exists(sealedKey))) {
                IssuedCertificate stored = new IssuedCertificate(
                        Pem.readCertificates(Files.readString(certificate)).get(0),
                        Pem.readPrivateKey(Files.exists(key) ? Files.readString(key)
                                : secrets.open(Files.readString(sealedKey)), null));
                if (usable(stored, authority, address, clock.instant())) {
                    if (!Files.exists(key)) {
                        SwanctlLayout.writePrivateKey(swanctlDirectory, self, stored.privateKeyPem());
                    }
                    Files.deleteIfExists(sealedKey);
                    return stored;
                }
            }
            IssuedCertificate issued = IpsecCertificates.issue(authority, "Confab Management Node " + address,
                    address, VALIDITY);
            Files.createDirectories(directory);
            SwanctlLayout.writePrivateKey(swanctlDirectory, self, issued.privateKeyPem());
            SecureFiles.writeAtomically(certificate, issued.certificatePem().getBytes(StandardCharsets.US_ASCII),
                    SecureFiles.PUBLIC);
            Files.deleteIfExists(sealedKey);
            return issued;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the IPsec certificate in " + directory
                    + " or its key in " + key, e);
        }
    }

    private static boolean usable(IssuedCertificate stored, CertificateAuthority authority, String address,
                                  Instant now) {
        CertificateInfo info = CertificateInfo.of(stored.certificate());
        try {
            stored.certificate().verify(authority.certificate().getPublicKey());
        } catch (GeneralSecurityException e) {
            return false;
        }
        return info.isValidAt(now) && info.isValidAt(now.plus(RENEW_BEFORE))
                && info.subjectAltNames().contains(address)
                && !authority.isRevoked(stored.certificate().getSerialNumber())
                && belongTogether(stored.privateKey(), stored.certificate());
    }

    /**
     * Whether {@code key} is the certificate's: key and certificate are written one after the other,
     * so a crash between the two leaves a pair that must be issued again.
     */
    private static boolean belongTogether(PrivateKey key, X509Certificate certificate) {
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] probe = "confab-ipsec-key-check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
