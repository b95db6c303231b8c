package dev.confab.shared.pki;

import static dev.confab.shared.pki.Fixtures.PASSPHRASE;
import static dev.confab.shared.pki.Fixtures.pem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CertificateInfoTest {

    private final CertificateInfo rsa = CertificateInfo.parse(pem("rsa.crt"), pem("rsa-traditional.key"), null);

    @Test
    void describesAnRsaCertificateWithItsKey() {
        assertEquals("CN=mgmt.example.com,O=Example", rsa.subjectName());
        assertEquals(rsa.subjectName(), rsa.issuerName());
        assertEquals(List.of("mgmt.example.com", "*.nodes.example.com", "10.0.0.5"), rsa.subjectAltNames());
        assertEquals(Duration.ofDays(36500), Duration.between(rsa.notBefore(), rsa.notAfter()));
        assertTrue(rsa.serialNumber().matches("[0-9a-f]+"), rsa.serialNumber());
        assertTrue(rsa.fingerprintSha256().matches("[0-9a-f]{2}(:[0-9a-f]{2}){31}"), rsa.fingerprintSha256());
    }

    @Test
    void describesAnEcCertificateWithItsEncryptedKey() {
        CertificateInfo ec = CertificateInfo.parse(pem("ec.crt"), pem("ec-pkcs8-encrypted.key"), PASSPHRASE);

        assertEquals("CN=conf01.example.com", ec.subjectName());
        assertEquals(List.of("conf01.example.com", "2001:db8:0:0:0:0:0:7"), ec.subjectAltNames());
    }

    @Test
    void describesTheLeafOfAChainWithoutAKey() {
        assertEquals("CN=conf01.example.com", CertificateInfo.parse(pem("chain.crt"), null, null).subjectName());
    }

    @Test
    void refusesAKeyThatIsNotTheCertificates() {
        // Given a certificate for one key pair and the private key of another
        IssuedCertificate issued = SelfSigned.generate("a.example.com", List.of(), Duration.ofDays(1), Fixtures.CLOCK);
        KeyPair otherKeys = KeyPairs.ecP256();
        // When they are parsed together, Then the key is refused with the fix
        PkiException refused = assertThrows(PkiException.class, () -> CertificateInfo.parse(issued.certificatePem(),
                Pem.encode(otherKeys.getPrivate()), null));
        assertTrue(refused.getMessage().startsWith("The private key does not match the certificate"),
                refused.getMessage());
    }

    @Test
    void refusesAnEcKeyForAnRsaCertificate() {
        PkiException refused = assertThrows(PkiException.class,
                () -> CertificateInfo.parse(pem("rsa.crt"), pem("ec-traditional.key"), null));

        assertTrue(refused.getMessage().startsWith("The private key does not match the certificate"),
                refused.getMessage());
    }

    @Test
    void refusesAKeyWhereTheCertificateShouldBe() {
        PkiException refused = assertThrows(PkiException.class,
                () -> CertificateInfo.parse(pem("rsa-traditional.key"), null, null));

        assertTrue(refused.getMessage().startsWith("No certificate found"), refused.getMessage());
    }

    @Test
    void describesAnExpiredCertificateRatherThanRefusingIt() {
        // Given a certificate that expired in 2021
        Clock past = Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC);
        IssuedCertificate expired = SelfSigned.generate("old.example.com", List.of(), Duration.ofDays(365), past);
        // When it is parsed with its key
        CertificateInfo info = CertificateInfo.parse(expired.certificatePem(), expired.privateKeyPem(), null);
        // Then it is described, and shown as not valid now
        assertEquals(Instant.parse("2020-12-31T00:00:00Z"), info.notAfter());
        assertFalse(info.isValidAt(Fixtures.CLOCK.instant()));
        assertTrue(info.isValidAt(Instant.parse("2020-06-01T00:00:00Z")));
    }

    @ParameterizedTest
    @CsvSource({
        "mgmt.example.com, true", "MGMT.Example.com., true", "conf01.nodes.example.com, true",
        "a.b.nodes.example.com, false", "nodes.example.com, false", ".nodes.example.com, false",
        "example.com, false", "10.0.0.5, false", "mgmt.example.com.evil.com, false"})
    void namesItsCommonNameAndDnsNamesWithOneLabelWildcards(String fqdn, boolean named) {
        assertEquals(named, rsa.names(fqdn));
    }

    @Test
    void namesItsCommonNameWhenItHasNoAlternativeNames() {
        CertificateInfo info = CertificateInfo.of(SelfSigned.generate("only-cn.example.com", List.of(),
                Duration.ofDays(1), Fixtures.CLOCK).certificate());

        assertTrue(info.names("only-cn.example.com"));
        assertFalse(info.names("other.example.com"));
    }
}
