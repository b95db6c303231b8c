package dev.confab.shared.pki;

import static dev.confab.shared.pki.Fixtures.PASSPHRASE;
import static dev.confab.shared.pki.Fixtures.pem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PemTest {

    @Test
    void readsBackTheCertificateItWrote() {
        X509Certificate certificate = SelfSigned.generate("a.example.com", List.of(), Duration.ofDays(1),
                Fixtures.CLOCK).certificate();

        String pem = Pem.encode(certificate);

        assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----\n"), pem);
        assertEquals(List.of(certificate), Pem.readCertificates(pem));
    }

    @Test
    void readsEveryCertificateOfAChainInOrder() {
        List<X509Certificate> chain = Pem.readCertificates(pem("chain.crt"));

        assertEquals(2, chain.size());
        assertEquals(Pem.readCertificates(pem("ec.crt")).get(0), chain.get(0));
        assertEquals(Pem.readCertificates(pem("rsa.crt")).get(0), chain.get(1));
    }

    @Test
    void writesPrivateKeysAsUnencryptedPkcs8() {
        // Given an EC key
        PrivateKey key = KeyPairs.ecP256().getPrivate();
        // When it is written
        String pem = Pem.encode(key);
        // Then it is a PKCS#8 block that reads back as the same key
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"), pem);
        assertEquals(key, Pem.readPrivateKey(pem, null));
    }

    @ParameterizedTest
    @CsvSource({
        "rsa-traditional.key, RSA", "rsa-traditional-encrypted.key, RSA", "ec-traditional.key, EC",
        "ec-traditional-encrypted.key, EC", "ec-pkcs8.key, EC", "ec-pkcs8-encrypted.key, EC"})
    void readsEveryKeyFormOpenSslWrites(String file, String algorithm) {
        PrivateKey key = Pem.readPrivateKey(pem(file), PASSPHRASE);

        assertEquals(algorithm, key.getAlgorithm());
        assertEquals("PKCS#8", key.getFormat());
    }

    @Test
    void readsTheSameKeyFromEachOfItsForms() {
        BigInteger secret = ((ECPrivateKey) Pem.readPrivateKey(pem("ec-traditional.key"), null)).getS();

        assertEquals(secret, ((ECPrivateKey) Pem.readPrivateKey(pem("ec-pkcs8.key"), null)).getS());
        assertEquals(secret, ((ECPrivateKey) Pem.readPrivateKey(pem("ec-pkcs8-encrypted.key"), PASSPHRASE)).getS());
        assertEquals(secret,
                ((ECPrivateKey) Pem.readPrivateKey(pem("ec-traditional-encrypted.key"), PASSPHRASE)).getS());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-traditional-encrypted.key", "ec-traditional-encrypted.key", "ec-pkcs8-encrypted.key"})
    void asksForThePassphraseOfAnEncryptedKey(String file) {
        PkiException refused = assertThrows(PkiException.class, () -> Pem.readPrivateKey(pem(file), null));

        assertTrue(refused.getMessage().contains("encrypted; enter its passphrase"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-traditional-encrypted.key", "ec-traditional-encrypted.key", "ec-pkcs8-encrypted.key"})
    void refusesAWrongPassphrase(String file) {
        char[] wrong = "Correct-horse".toCharArray();

        PkiException refused = assertThrows(PkiException.class, () -> Pem.readPrivateKey(pem(file), wrong));

        assertTrue(refused.getMessage().contains("passphrase does not decrypt"), refused.getMessage());
    }

    @Test
    void saysSoWhenThereIsNoCertificate() {
        PkiException refused = assertThrows(PkiException.class, () -> Pem.readCertificates(pem("ec-pkcs8.key")));

        assertTrue(refused.getMessage().startsWith("No certificate found"), refused.getMessage());
    }

    @Test
    void saysSoWhenThereIsNoPrivateKey() {
        PkiException refused = assertThrows(PkiException.class, () -> Pem.readPrivateKey(pem("ec.crt"), null));

        assertTrue(refused.getMessage().startsWith("No private key found"), refused.getMessage());
    }

    @Test
    void refusesEmptyAndDamagedText() {
        String damaged = pem("ec.crt").replace("M", "*");

        assertThrows(PkiException.class, () -> Pem.readCertificates("  "));
        PkiException refused = assertThrows(PkiException.class, () -> Pem.readCertificates(damaged));
        assertTrue(refused.getMessage().contains("damaged"), refused.getMessage());
    }

    @Test
    void writesSigningRequests() {
        KeyPair keys = KeyPairs.ecP256();
        CertificateRequest request = CertificateRequest.create(keys, "a.example.com", List.of());

        assertTrue(Pem.encode(request).startsWith("-----BEGIN CERTIFICATE REQUEST-----\n"));
    }
}
