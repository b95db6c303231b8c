package dev.confab.shared.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** SHA-256 certificate fingerprints written as lowercase, colon-separated hex pairs. */
final class Fingerprints {

    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private Fingerprints() {
    }

    static String sha256(X509Certificate certificate) {
        try {
            return COLON_HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new PkiException("The certificate cannot be encoded to compute its fingerprint: "
                    + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this Java runtime", e);
        }
    }

    /** Accepts upper or lower case, with or without colons or spaces; returns the canonical form. */
    static String normalize(String fingerprint) {
        String hex = fingerprint == null ? "" : fingerprint.replaceAll("[:\\s]", "").toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw new PkiException("'" + fingerprint + "' is not a SHA-256 fingerprint: expected 32 hex pairs such as"
                    + " 'ab:cd:...', as shown next to the certificate authority on the Management Node.");
        }
        return COLON_HEX.formatHex(HexFormat.of().parseHex(hex));
    }
}
