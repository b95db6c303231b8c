package dev.confab.shared.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {

    private final CertificateAuthority authority = CertificateAuthority.create("Confab CA", Fixtures.CLOCK);

    @Test
    void isACertificateAuthorityForTenYears() {
        X509Certificate certificate = authority.certificate();

        assertEquals(Integer.MAX_VALUE, certificate.getBasicConstraints());
        // keyUsage bits 5 and 6: keyCertSign and cRLSign, nothing else
        assertArrayEquals(new boolean[] {false, false, false, false, false, true, true, false, false},
                certificate.getKeyUsage());
        assertTrue(certificate.getCriticalExtensionOIDs().containsAll(Set.of("2.5.29.19", "2.5.29.15")));
        assertEquals(Fixtures.CLOCK.instant().plus(Duration.ofDays(3653)), certificate.getNotAfter().toInstant());
        assertEquals("CN=Confab CA", certificate.getSubjectX500Principal().getName());
    }

    @Test
    void showsItsFingerprintAsColonSeparatedLowercaseHex() {
        String fingerprint = authority.fingerprintSha256();

        assertTrue(fingerprint.matches("[0-9a-f]{2}(:[0-9a-f]{2}){31}"), fingerprint);
    }

    @Test
    void issuesACertificateThatChainsToItForTheGivenNames() throws Exception {
        // Given a node's request that asks for other names than the authority will grant
        KeyPair nodeKeys = KeyPairs.ecP256();
        String csr = CertificateRequest.create(nodeKeys, "asked.example.com", List.of("asked.example.com")).pem();
        // When the authority issues a certificate for it
        X509Certificate issued = authority.issue(csr, "conf01.example.com", List.of("conf01.example.com", "10.0.0.7"),
                Duration.ofDays(90));
        // Then it is signed by the authority, for the request's key, with the names the authority chose
        issued.verify(authority.certificate().getPublicKey());
        assertEquals(nodeKeys.getPublic(), issued.getPublicKey());
        assertEquals(authority.certificate().getSubjectX500Principal(), issued.getIssuerX500Principal());
        assertEquals("CN=conf01.example.com", issued.getSubjectX500Principal().getName());
        assertEquals(List.of("conf01.example.com", "10.0.0.7"), CertificateInfo.of(issued).subjectAltNames());
        assertEquals(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"), issued.getExtendedKeyUsage());
        assertEquals(-1, issued.getBasicConstraints());
        assertEquals(Fixtures.CLOCK.instant().plus(Duration.ofDays(90)), issued.getNotAfter().toInstant());
    }

    @Test
    void givesEachCertificateADifferentPositiveSerialOfAtMost128Bits() {
        BigInteger first = issue().getSerialNumber();
        BigInteger second = issue().getSerialNumber();

        assertNotEquals(first, second);
        assertEquals(1, first.signum());
        assertTrue(first.bitLength() <= 128 && first.bitLength() > 64, first.toString(16));
    }

    @Test
    void neverIssuesBeyondItsOwnExpiry() {
        X509Certificate issued = authority.issue(request(), "conf01.example.com", List.of(), Duration.ofDays(20_000));

        assertEquals(authority.certificate().getNotAfter(), issued.getNotAfter());
    }

    @Test
    void refusesARequestAlteredAfterSigning() {
        PkiException refused = assertThrows(PkiException.class, () -> authority.issue(
                CertificateRequestTest.tamperedRequest(), "conf01.example.com", List.of(), Duration.ofDays(1)));

        assertTrue(refused.getMessage().contains("signature does not verify"), refused.getMessage());
    }

    @Test
    void listsRevokedSerialsInASignedCrl() throws Exception {
        // Given one revoked and one valid certificate
        X509Certificate revoked = issue();
        X509Certificate valid = issue();
        // When the first is revoked and a CRL is made
        authority.revoke(revoked.getSerialNumber());
        X509CRL crl = authority.crl();
        // Then the CRL is signed by the authority and lists only the first
        crl.verify(authority.certificate().getPublicKey());
        assertNotNull(crl.getRevokedCertificate(revoked.getSerialNumber()));
        assertTrue(crl.isRevoked(revoked));
        assertFalse(crl.isRevoked(valid));
        assertEquals(Set.of(revoked.getSerialNumber()), authority.revokedSerials());
        assertTrue(authority.isRevoked(revoked.getSerialNumber()));
        assertFalse(authority.isRevoked(valid.getSerialNumber()));
    }

    @Test
    void numbersEachCrlHigherThanTheLast() {
        BigInteger first = crlNumber(authority.crl());
        BigInteger second = crlNumber(authority.crl());

        assertTrue(second.compareTo(first) > 0, first + " then " + second);
    }

    private X509Certificate issue() {
        return authority.issue(request(), "conf01.example.com", List.of("conf01.example.com"), Duration.ofDays(90));
    }

    private static String request() {
        return CertificateRequest.create(KeyPairs.ecP256(), "conf01.example.com", List.of()).pem();
    }

    private static BigInteger crlNumber(X509CRL crl) {
        byte[] extension = crl.getExtensionValue("2.5.29.20");
        // OCTET STRING wrapping an INTEGER: 04 len 02 len value...
        return new BigInteger(Arrays.copyOfRange(extension, 4, extension.length));
    }
}
