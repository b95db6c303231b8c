package dev.confab.shared.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateRequestTest {

    @Test
    void carriesTheNameAlternativeNamesAndKeyItWasMadeWith() {
        // Given a request for a node with a DNS name, an IPv4 and an IPv6 address
        KeyPair keys = KeyPairs.ecP256();
        String pem = CertificateRequest.create(keys, "conf01.example.com",
                List.of("conf01.example.com", "10.0.0.7", "2001:db8::7")).pem();
        // When it is parsed back
        CertificateRequest parsed = CertificateRequest.parse(pem);
        // Then everything it was made with is there
        assertEquals("conf01.example.com", parsed.commonName());
        assertEquals(List.of("conf01.example.com", "10.0.0.7", "2001:db8:0:0:0:0:0:7"), parsed.subjectAltNames());
        assertEquals(keys.getPublic(), parsed.publicKey());
    }

    @Test
    void readsARequestMadeByOpenSsl() {
        CertificateRequest parsed = CertificateRequest.parse(Fixtures.pem("ec.csr"));

        assertEquals("conf01.example.com", parsed.commonName());
        assertEquals(List.of(), parsed.subjectAltNames());
        assertEquals(Pem.readCertificates(Fixtures.pem("ec.crt")).get(0).getPublicKey(), parsed.publicKey());
    }

    @Test
    void refusesARequestAlteredAfterSigning() {
        // Given a request whose subject was changed after it was signed
        String tampered = tamperedRequest();
        // When it is parsed, Then it is refused
        PkiException refused = assertThrows(PkiException.class, () -> CertificateRequest.parse(tampered));
        assertTrue(refused.getMessage().contains("signature does not verify"), refused.getMessage());
    }

    @Test
    void refusesTextWithoutARequest() {
        PkiException refused = assertThrows(PkiException.class, () -> CertificateRequest.parse(Fixtures.pem("ec.crt")));

        assertTrue(refused.getMessage().startsWith("No certificate signing request found"), refused.getMessage());
    }

    @Test
    void refusesAnAlternativeNameThatIsNeitherHostNorAddress() {
        KeyPair keys = KeyPairs.ecP256();

        PkiException refused = assertThrows(PkiException.class,
                () -> CertificateRequest.create(keys, "a.example.com", List.of("not a host!")));

        assertTrue(refused.getMessage().contains("'not a host!' is neither a DNS name"), refused.getMessage());
    }

    /** A request for aaaa.example.com whose name is rewritten to bbbb.example.com, keeping the signature. */
    static String tamperedRequest() {
        String pem = CertificateRequest.create(KeyPairs.ecP256(), "aaaa.example.com", List.of()).pem();
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        String latin1 = new String(der, StandardCharsets.ISO_8859_1).replace("aaaa.example.com", "bbbb.example.com");
        return Pem.block("CERTIFICATE REQUEST", latin1.getBytes(StandardCharsets.ISO_8859_1));
    }
}
