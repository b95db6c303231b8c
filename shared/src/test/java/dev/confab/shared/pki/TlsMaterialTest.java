package dev.confab.shared.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

class TlsMaterialTest {

    // handshakes check validity against the real time, so these certificates start now
    private static final Clock NOW = Clock.systemUTC();
    private final CertificateAuthority authority = CertificateAuthority.create("Confab CA", NOW);
    private final IssuedCertificate server = issue(authority, "mgmt.example.com");

    @Test
    void storesAKeyWithItsChain() throws Exception {
        char[] password = "in-memory".toCharArray();
        List<X509Certificate> chain = List.of(server.certificate(), authority.certificate());

        KeyStore store = TlsMaterial.keyStore(chain, server.privateKey(), password);

        assertEquals(server.privateKey(), store.getKey(store.aliases().nextElement(), password));
        assertEquals(2, store.getCertificateChain(store.aliases().nextElement()).length);
        assertEquals(authority.certificate(),
                TlsMaterial.trustStore(List.of(authority.certificate())).getCertificate("trusted-0"));
    }

    @Test
    void connectsMutuallyAuthenticatedNodesOfOneAuthority() throws Exception {
        // Given a server and a client that both hold certificates from the authority and trust only it
        IssuedCertificate client = issue(authority, "conf01.example.com");
        SSLContext serverContext = TlsMaterial.serverContext(List.of(server.certificate(), authority.certificate()),
                server.privateKey(), authority.certificate());
        // When they handshake with client authentication required
        Optional<X509Certificate> seen = TlsHandshake.run(serverContext,
                TlsMaterial.clientContext(authority.certificate(), client), true);
        // Then the server saw the client's certificate
        assertEquals(Optional.of(client.certificate()), seen);
    }

    @Test
    void refusesAClientWithoutACertificateWhenOneIsRequired() throws Exception {
        SSLContext serverContext = TlsMaterial.serverContext(List.of(server.certificate()), server.privateKey(),
                authority.certificate());

        assertThrows(SSLException.class, () -> TlsHandshake.run(serverContext,
                TlsMaterial.clientContext(authority.certificate(), null), true));
    }

    @Test
    void pinnedClientTrustsAServerOfThePinnedAuthority() throws Exception {
        SSLContext serverContext = TlsMaterial.serverContext(List.of(server.certificate(), authority.certificate()),
                server.privateKey(), null);

        assertEquals(Optional.empty(), TlsHandshake.run(serverContext,
                TlsMaterial.pinnedClientContext(authority.fingerprintSha256().toUpperCase()), false));
    }

    @Test
    void pinnedClientRefusesAServerOfAnotherAuthority() {
        // Given a server whose certificate comes from another authority
        CertificateAuthority other = CertificateAuthority.create("Confab CA", NOW);
        IssuedCertificate impostor = issue(other, "mgmt.example.com");
        SSLContext serverContext = TlsMaterial.serverContext(List.of(impostor.certificate(), other.certificate()),
                impostor.privateKey(), null);
        // When a client pinned to the first authority connects, Then it refuses the server
        assertThrows(SSLException.class, () -> TlsHandshake.run(serverContext,
                TlsMaterial.pinnedClientContext(authority.fingerprintSha256()), false));
    }

    @Test
    void pinnedClientRefusesALeafNotSignedByThePinnedCertificateEvenWhenItIsInTheChain() {
        // Given a chain that carries the pinned authority's certificate after a leaf another authority signed
        CertificateAuthority other = CertificateAuthority.create("Confab CA", NOW);
        X509Certificate[] chain = {issue(other, "mgmt.example.com").certificate(), authority.certificate()};
        PinnedCaTrustManager pinned = new PinnedCaTrustManager(authority.fingerprintSha256());
        // When it is checked, Then it is refused
        CertificateException refused = assertThrows(CertificateException.class,
                () -> pinned.checkServerTrusted(chain, "ECDHE_ECDSA"));
        assertTrue(refused.getMessage().contains("does not verify against the pinned authority"), refused.getMessage());
    }

    @Test
    void refusesSomethingThatIsNotAFingerprint() {
        PkiException refused = assertThrows(PkiException.class, () -> TlsMaterial.pinnedClientContext("ab:cd"));

        assertTrue(refused.getMessage().contains("is not a SHA-256 fingerprint"), refused.getMessage());
    }

    private static IssuedCertificate issue(CertificateAuthority authority, String name) {
        KeyPair keys = KeyPairs.ecP256();
        String csr = CertificateRequest.create(keys, name, List.of(name)).pem();
        return new IssuedCertificate(authority.issue(csr, name, List.of(name), Duration.ofDays(1)), keys.getPrivate());
    }
}
