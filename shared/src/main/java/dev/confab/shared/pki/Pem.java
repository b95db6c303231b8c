package dev.confab.shared.pki;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;

/**
 * Reads and writes the PEM text operators paste and upload. Writes certificates, PKCS#8 private keys
 * ({@code BEGIN PRIVATE KEY}), signing requests and CRLs; reads certificates and private keys in
 * PKCS#8, encrypted PKCS#8 and OpenSSL's traditional RSA and EC forms, encrypted or not.
 *
 * <p>Every failure is a {@link PkiException} that names what was expected. Stateless and thread-safe.
 */
public final class Pem {

    private static final Base64.Encoder BASE64_LINES =
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    public static String encode(X509Certificate certificate) {
        try {
            return block("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new PkiException("The certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** Writes {@code key} unencrypted in PKCS#8 form; seal or protect the result before storing it. */
    public static String encode(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new PkiException("The " + key.getAlgorithm() + " private key cannot be exported (format "
                    + key.getFormat() + "); keys held in hardware stay there.");
        }
        return block("PRIVATE KEY", key.getEncoded());
    }

    public static String encode(CertificateRequest request) {
        return request.pem();
    }

    public static String encode(X509CRL crl) {
        try {
            return block("X509 CRL", crl.getEncoded());
        } catch (CRLException e) {
            throw new PkiException("The CRL cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** All certificates in {@code pem}, in order (a leaf, then its issuers, for a chain file). */
    public static List<X509Certificate> readCertificates(String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object object : objects(pem, "certificate")) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    certificates.add(converter.getCertificate(holder));
                } catch (CertificateException e) {
                    throw new PkiException("A certificate in the PEM text is damaged: " + e.getMessage(), e);
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new PkiException("No certificate found: expected PEM text with a block starting with"
                    + " '-----BEGIN CERTIFICATE-----'. Check that you chose the certificate file, not the key.");
        }
        return List.copyOf(certificates);
    }

    /**
     * The first private key in {@code pem}. {@code passphraseOrNull} decrypts an encrypted key and is
     * ignored for a plain one; a missing or wrong passphrase is refused with a message saying so.
     */
    public static PrivateKey readPrivateKey(String pem, char[] passphraseOrNull) {
        return PrivateKeyReader.read(objects(pem, "private key"), passphraseOrNull);
    }

    /** The PEM blocks in {@code text}, parsed; {@code wanted} names what the caller looks for, for messages. */
    static List<Object> objects(String text, String wanted) {
        if (text == null || text.isBlank()) {
            throw new PkiException("No " + wanted + " found: the PEM text is empty.");
        }
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            throw new PkiException("The PEM text is damaged and no " + wanted + " could be read from it ("
                    + e.getMessage() + "); paste the whole file, including the BEGIN and END lines.", e);
        }
        return objects;
    }

    static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + BASE64_LINES.encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
