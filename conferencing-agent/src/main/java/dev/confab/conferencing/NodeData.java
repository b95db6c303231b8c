package dev.confab.conferencing;

import dev.confab.shared.internal.SecureFiles;
import dev.confab.shared.pki.CertificateInfo;
import dev.confab.shared.pki.Pem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The node's data directory: {@code node.key} (mode 0600; made here, never sent anywhere),
 * {@code node.crt}, {@code ca.crt} and {@code node-config.xml} (the applied file, mode 0600). The
 * node is configured once {@code node.crt} exists; it is written last. Thread-safe.
 */
public record NodeData(Path root) {

    public static NodeData prepare(Path root) {
        try {
            SecureFiles.privateDirectory(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + root + ": " + e.getMessage(), e);
        }
        return new NodeData(root);
    }

    public Path key() { return root.resolve("node.key"); }
    public Path certificate() { return root.resolve("node.crt"); }
    public Path caCertificate() { return root.resolve("ca.crt"); }
    public Path appliedConfig() { return root.resolve("node-config.xml"); }
    /** Where the Management Node's node channel is: {@code address port}, written at enrolment. */
    public Path managementEndpoint() { return root.resolve("management-endpoint"); }
    /** The configuration replica, when the node keeps it on disk (mode 0600: it holds the node's TLS key). */
    public Path replica() { return root.resolve("replica.json"); }
    /** The self-signed certificate of the upload page, for clients that want to trust exactly it. */
    public Path provisioningCertificate() { return root.resolve("provisioning.crt"); }

    /** Publishes the upload page's certificate (made anew at every start). */
    public void savePublic(Path file, X509Certificate certificate) {
        try {
            SecureFiles.writeAtomically(file, Pem.encode(certificate).getBytes(StandardCharsets.US_ASCII),
                    SecureFiles.PUBLIC);
        } catch (IOException e) {
            throw new ConferencingException("Cannot write " + file + ": " + e + "; check the data directory.", e);
        }
    }

    /** The FQDN of the node's certificate, when it has enrolled. */
    public Optional<String> enrolledFqdn() {
        if (!Files.exists(certificate())) {
            return Optional.empty();
        }
        try {
            X509Certificate certificate = Pem.readCertificates(Files.readString(certificate())).get(0);
            return Optional.of(CertificateInfo.of(certificate).subjectName().replaceFirst("^CN=", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Management Node's node-channel address and port, once the node has enrolled. */
    public Optional<java.util.Map.Entry<String, Integer>> management() {
        try {
            if (!Files.exists(managementEndpoint())) {
                return Optional.empty();
            }
            String[] parts = Files.readString(managementEndpoint()).strip().split(" ");
            return Optional.of(java.util.Map.entry(parts[0], Integer.parseInt(parts[1])));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores the enrolment's outcome, replacing what an earlier one stored; the certificate goes last,
     * as it marks the node configured. Every file is written aside first, so a failure to write one
     * (a full disk) leaves the node's files as they were.
     */
    public void save(PrivateKey key, X509Certificate certificate, X509Certificate ca, byte[] configFile,
                     String managementAddress, int managementPort) {
        try {
            SecureFiles.replaceAll(List.of(
                    new SecureFiles.Replacement(managementEndpoint(), (managementAddress + " " + managementPort + "\n")
                            .getBytes(StandardCharsets.US_ASCII), SecureFiles.PUBLIC),
                    new SecureFiles.Replacement(key(), pem(Pem.encode(key)), SecureFiles.OWNER_ONLY),
                    new SecureFiles.Replacement(appliedConfig(), configFile, SecureFiles.OWNER_ONLY),
                    new SecureFiles.Replacement(caCertificate(), pem(Pem.encode(ca)), SecureFiles.PUBLIC),
                    new SecureFiles.Replacement(certificate(), pem(Pem.encode(certificate)), SecureFiles.PUBLIC)));
        } catch (IOException e) {
            throw new ConferencingException("Cannot store the node's key and certificate in " + root + ": " + e
                    + "; free disk space or fix permissions, then download a new file and upload it again.", e);
        }
    }

    private static byte[] pem(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
