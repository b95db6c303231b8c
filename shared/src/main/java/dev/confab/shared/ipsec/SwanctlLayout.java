package dev.confab.shared.ipsec;

import dev.confab.shared.internal.SecureFiles;
import dev.confab.shared.pki.Pem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a swanctl directory: {@code x509ca/<ca>}, {@code x509/<certificate>}, {@code private/<key>}
 * (mode 0600, in a 0700 directory) and {@code swanctl.conf}, each file replaced atomically and the
 * configuration last, so a loader never sees it name a credential that is not there yet.
 * Stateless; callers serialise writes to one directory.
 */
public final class SwanctlLayout {

    private static final String PRIVATE = "private";

    private SwanctlLayout() {
    }

    /** Where {@link #write} puts the private key of {@code self}: {@code <directory>/private/<key file>}. */
    public static Path privateKey(Path directory, IpsecIdentity self) {
        return directory.resolve(PRIVATE).resolve(self.privateKeyFile());
    }

    /**
     * Writes only the private key of {@code self} (PEM, mode 0600, in a 0700 {@code private/}), for an
     * owner that keeps its key nowhere else.
     */
    public static void writePrivateKey(Path directory, IpsecIdentity self, String privateKeyPem) throws IOException {
        writeKey(privateDirectory(directory.resolve(PRIVATE)).resolve(self.privateKeyFile()), privateKeyPem);
    }

    private static void writeKey(Path file, String privateKeyPem) throws IOException {
        SecureFiles.writeAtomically(file, ascii(privateKeyPem), SecureFiles.OWNER_ONLY);
    }

    public static void write(Path directory, IpsecIdentity self, IpsecCredentials credentials, String swanctlConf) {
        try {
            Path x509ca = privateDirectory(directory.resolve("x509ca"));
            Path x509 = privateDirectory(directory.resolve("x509"));
            Path keys = privateDirectory(directory.resolve(PRIVATE));
            SecureFiles.writeAtomically(x509ca.resolve(self.caFile()), ascii(Pem.encode(credentials.ca())),
                    SecureFiles.PUBLIC);
            SecureFiles.writeAtomically(x509.resolve(self.certificateFile()),
                    ascii(credentials.node().certificatePem()), SecureFiles.PUBLIC);
            writeKey(keys.resolve(self.privateKeyFile()), credentials.node().privateKeyPem());
            SecureFiles.writeAtomically(directory.resolve("swanctl.conf"),
                    swanctlConf.getBytes(StandardCharsets.UTF_8), SecureFiles.PUBLIC);
        } catch (IOException e) {
            throw new IpsecException("Cannot write the IPsec configuration to " + directory + ": " + e
                    + ". Check that the directory is writable (or set another with --swanctl-dir).", e);
        }
    }

    private static Path privateDirectory(Path directory) throws IOException {
        return SecureFiles.privateDirectory(directory);
    }

    private static byte[] ascii(String pem) {
        return pem.getBytes(StandardCharsets.US_ASCII);
    }
}
