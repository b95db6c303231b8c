package dev.confab.shared.pki;

import dev.confab.shared.crypto.CryptoException;
import dev.confab.shared.crypto.SecretBox;
import dev.confab.shared.internal.SecureFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A certificate authority's directory: {@code ca.crt} (PEM), {@code ca.key.enc} (the key's PEM sealed
 * by a {@link SecretBox}, mode 0600) and {@code revoked.txt} (one "serial-hex revoked-at" per line).
 * Every file is replaced atomically.
 */
final class CaStore {

    static final String CERTIFICATE = "ca.crt";
    static final String KEY = "ca.key.enc";
    static final String REVOKED = "revoked.txt";

    record Contents(X509Certificate certificate, PrivateKey privateKey, Map<BigInteger, Instant> revoked) {
    }

    private CaStore() {
    }

    static boolean exists(Path directory) {
        return Files.exists(directory.resolve(CERTIFICATE)) || Files.exists(directory.resolve(KEY));
    }

    /** True when {@code directory}'s {@code ca.crt} is {@code certificate}. */
    static boolean holds(Path directory, X509Certificate certificate) {
        Path file = directory.resolve(CERTIFICATE);
        return Files.exists(file) && Pem.readCertificates(read(file)).get(0).equals(certificate);
    }

    static void save(Path directory, SecretBox box, Contents contents) {
        try {
            SecureFiles.privateDirectory(directory);
            byte[] sealedKey = box.seal(Pem.encode(contents.privateKey())).getBytes(StandardCharsets.US_ASCII);
            SecureFiles.writeAtomically(directory.resolve(KEY), sealedKey, SecureFiles.OWNER_ONLY);
            byte[] certificate = Pem.encode(contents.certificate()).getBytes(StandardCharsets.US_ASCII);
            SecureFiles.writeAtomically(directory.resolve(CERTIFICATE), certificate, SecureFiles.PUBLIC);
        } catch (IOException e) {
            throw new PkiException("Cannot save the certificate authority in " + directory + ": " + e
                    + "; check that the directory is writable by this service and the disk is not full.", e);
        }
        saveRevoked(directory, contents.revoked());
    }

    static void saveRevoked(Path directory, Map<BigInteger, Instant> revoked) {
        StringBuilder text = new StringBuilder("# serial (hex) and time of revocation, one certificate a line\n");
        revoked.forEach((serial, when) -> text.append(serial.toString(16)).append(' ').append(when).append('\n'));
        try {
            SecureFiles.writeAtomically(directory.resolve(REVOKED),
                    text.toString().getBytes(StandardCharsets.US_ASCII), SecureFiles.PUBLIC);
        } catch (IOException e) {
            throw new PkiException("Cannot record the revocation in " + directory.resolve(REVOKED) + ": " + e
                    + "; the certificate is NOT revoked. Free disk space or fix permissions, then revoke again.", e);
        }
    }

    static Contents load(Path directory, SecretBox box) {
        Path keyFile = directory.resolve(KEY);
        List<X509Certificate> certificates = Pem.readCertificates(read(directory.resolve(CERTIFICATE)));
        String keyPem;
        try {
            keyPem = box.open(read(keyFile).strip());
        } catch (CryptoException e) {
            throw new PkiException(keyFile + " cannot be opened with this key file: " + e.getMessage()
                    + " Use the key file the authority was saved with.", e);
        }
        X509Certificate certificate = certificates.get(0);
        PrivateKey key = Pem.readPrivateKey(keyPem, null);
        if (!KeyMatch.matches(certificate.getPublicKey(), key)) {
            throw new PkiException(keyFile + " does not hold the key of " + directory.resolve(CERTIFICATE)
                    + "; the two files come from different authorities. Restore both from the same backup.");
        }
        return new Contents(certificate, key, loadRevoked(directory.resolve(REVOKED)));
    }

    private static Map<BigInteger, Instant> loadRevoked(Path file) {
        Map<BigInteger, Instant> revoked = new TreeMap<>();
        if (Files.notExists(file)) {
            return revoked;
        }
        List<String> lines = read(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            try {
                revoked.put(new BigInteger(fields[0], 16), Instant.parse(fields[1]));
            } catch (NumberFormatException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
                throw new PkiException(file + " line " + (i + 1) + " is not 'serial-hex revoked-at' ('" + line
                        + "'); correct or restore the file.", e);
            }
        }
        return revoked;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new PkiException(file + " is missing; the certificate authority's directory is incomplete."
                    + " Restore it from a backup.", e);
        } catch (IOException e) {
            throw new PkiException("Cannot read " + file + ": " + e + "; check its permissions.", e);
        }
    }
}
