package dev.confab.management.http;

import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.engine.HandleView;
import dev.confab.management.store.Store;
import dev.confab.shared.crypto.SecretBox;
import dev.confab.shared.internal.SecureFiles;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.SelfSigned;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The certificate the administrator interface presents: an uploaded one when the Management Node
 * has a TLS certificate assigned, else a self-signed one generated at first start and kept in
 * {@code pki/} (key sealed, mode 0600). Immutable.
 */
public record HttpsIdentity(List<X509Certificate> chain, PrivateKey key, boolean selfSigned) {

    /** Loads the self-signed identity from {@code pkiDir}, generating it the first time. */
    public static HttpsIdentity selfSigned(Path pkiDir, SecretBox secrets, String commonName, List<String> names,
                                           Clock clock) {
        Path certificate = pkiDir.resolve("https-selfsigned.crt");
        Path key = pkiDir.resolve("https-selfsigned.key.enc");
        try {
            if (!Files.exists(certificate) || !Files.exists(key)) {
                IssuedCertificate issued = SelfSigned.generate(commonName, names, Duration.ofDays(825), clock);
                SecureFiles.writeAtomically(key, secrets.seal(issued.privateKeyPem()).getBytes(StandardCharsets.US_ASCII),
                        SecureFiles.OWNER_ONLY);
                SecureFiles.writeAtomically(certificate, issued.certificatePem().getBytes(StandardCharsets.US_ASCII),
                        SecureFiles.PUBLIC);
            } else if (!SecureFiles.isOwnerOnly(key)) {
                // written readable by all by earlier releases: sealed, but no one else's to read
                Files.setPosixFilePermissions(key, SecureFiles.OWNER_ONLY);
            }
            return new HttpsIdentity(Pem.readCertificates(Files.readString(certificate)),
                    Pem.readPrivateKey(secrets.open(Files.readString(key)), null), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the HTTPS certificate in " + pkiDir, e);
        }
    }

    /**
     * The identity the administrator interface should present now: the certificate assigned to the
     * Management Node ({@code management_vm.tls_certificate}) when there is one, else the self-signed one.
     */
    public static HttpsIdentity current(Store store, SecretBox secrets, HttpsIdentity selfSigned) {
        return store.read(handle -> {
            HandleView view = new HandleView(handle, secrets);
            return view.find(ResourceNames.MANAGEMENT_VM, 1)
                    .map(node -> node.get("tls_certificate"))
                    .filter(Number.class::isInstance)
                    .flatMap(id -> view.find(ResourceNames.TLS_CERTIFICATE, ((Number) id).longValue()))
                    .map(row -> uploaded((String) row.get("certificate"), view.openSecret((String) row.get("private_key"))))
                    .orElse(selfSigned);
        });
    }

    /** An identity from an operator's certificate (chain in PEM) and its private key in PEM. */
    public static HttpsIdentity uploaded(String certificatePem, String privateKeyPem) {
        return new HttpsIdentity(Pem.readCertificates(certificatePem), Pem.readPrivateKey(privateKeyPem, null), false);
    }
}
