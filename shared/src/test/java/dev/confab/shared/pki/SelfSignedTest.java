package dev.confab.shared.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfSignedTest {

    private final IssuedCertificate issued = SelfSigned.generate("mgmt.example.com",
            List.of("mgmt.example.com", "192.0.2.10", "2001:db8::10"), Duration.ofDays(365), Fixtures.CLOCK);
    private final X509Certificate certificate = issued.certificate();

    @Test
    void signsItselfWithAFreshP256Key() throws Exception {
        certificate.verify(certificate.getPublicKey());

        assertEquals("EC", certificate.getPublicKey().getAlgorithm());
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
        assertTrue(KeyMatch.matches(certificate.getPublicKey(), issued.privateKey()));
    }

    @Test
    void putsAddressesInIpAddressNamesAndHostsInDnsNames() throws Exception {
        // types 2 and 7 are dNSName and iPAddress in RFC 5280's GeneralName
        assertEquals(List.of(List.of(2, "mgmt.example.com"), List.of(7, "192.0.2.10"),
                        List.of(7, "2001:db8:0:0:0:0:0:10")),
                List.copyOf(certificate.getSubjectAlternativeNames()));
    }

    @Test
    void servesTlsOnly() throws Exception {
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), certificate.getExtendedKeyUsage());
        assertEquals(-1, certificate.getBasicConstraints());
    }

    @Test
    void isValidFromJustBeforeNowForTheAskedDuration() {
        assertEquals(Fixtures.CLOCK.instant().minus(Issuance.CLOCK_SKEW), certificate.getNotBefore().toInstant());
        assertEquals(Fixtures.CLOCK.instant().plus(Duration.ofDays(365)), certificate.getNotAfter().toInstant());
    }

    @Test
    void refusesABlankCommonName() {
        PkiException refused = assertThrows(PkiException.class,
                () -> SelfSigned.generate(" ", List.of(), Duration.ofDays(1), Fixtures.CLOCK));

        assertTrue(refused.getMessage().contains("common name"), refused.getMessage());
    }

    @Test
    void hidesTheKeyWhenPrinted() {
        assertFalse(issued.toString().contains(issued.privateKey().toString()));
        assertTrue(issued.privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(issued.certificatePem().startsWith("-----BEGIN CERTIFICATE-----"));
    }
}
