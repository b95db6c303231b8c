package dev.confab.management.ipsec;

import dev.confab.shared.crypto.SecretBox;
import dev.confab.shared.internal.SecureFiles;
import dev.confab.shared.ipsec.IpsecCertificates;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The Management Node's own IPsec certificate, issued by its CA for its node-channel address and
 * kept in {@code <data>/ipsec/} as {@code ipsec.crt} and {@code ipsec.key.enc} (the key sealed with
 * {@code secret.key}). It is issued again when missing, for another address or authority, or within
 * 30 days of expiry. Not thread-safe; called once at start.
 */
public final class IpsecCertificateStore {

    static final Duration VALIDITY = Duration.ofDays(825);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private IpsecCertificateStore() {
    }

    public static IssuedCertificate loadOrIssue(Path directory, SecretBox secrets, CertificateAuthority authority,
                                                String address, Clock clock) {
        Path certificate = directory.resolve("ipsec.crt");
        Path key = directory.resolve("ipsec.key.enc");
        try {
            if (Files.exists(certificate) && Files.exists(key)) {
                IssuedCertificate stored = new IssuedCertificate(
                        Pem.readCertificates(Files.readString(certificate)).get(0),
                        Pem.readPrivateKey(secrets.open(Files.readString(key)), null));
                if (usable(stored, authority, address, clock.instant())) {
                    return stored;
                }
            }
            IssuedCertificate issued = IpsecCertificates.issue(authority, "Confab Management Node " + address,
                    address, VALIDITY);
            Files.createDirectories(directory);
            SecureFiles.writeAtomically(key, secrets.seal(issued.privateKeyPem()).getBytes(StandardCharsets.US_ASCII),
                    SecureFiles.OWNER_ONLY);
            SecureFiles.writeAtomically(certificate, issued.certificatePem().getBytes(StandardCharsets.US_ASCII),
                    SecureFiles.PUBLIC);
            return issued;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the IPsec certificate in " + directory, e);
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
                && !authority.isRevoked(stored.certificate().getSerialNumber());
    }
}
