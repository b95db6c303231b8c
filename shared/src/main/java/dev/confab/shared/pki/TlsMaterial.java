package dev.confab.shared.pki;

import dev.confab.shared.crypto.Tokens;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * In-memory key stores and TLS contexts for nodes talking to each other over mutual TLS.
 *
 * <p>The contexts check certificates, not host names: a client that must also check the name (as
 * {@code java.net.http.HttpClient} does by default) sets an endpoint identification algorithm.
 * Stateless and thread-safe; each call returns new objects.
 */
public final class TlsMaterial {

    private static final String ALIAS = "confab";

    private TlsMaterial() {
    }

    /** A PKCS#12 store holding {@code key} with {@code chain} (leaf first), protected by {@code password}. */
    public static KeyStore keyStore(List<X509Certificate> chain, PrivateKey key, char[] password) {
        try {
            KeyStore store = emptyStore();
            store.setKeyEntry(ALIAS, key, password, chain.toArray(X509Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new PkiException("The key and certificate chain cannot be stored together (" + e.getMessage()
                    + "); check that the chain starts with the key's certificate followed by its issuers.", e);
        }
    }

    /** A PKCS#12 store trusting each of {@code certificates}. */
    public static KeyStore trustStore(List<X509Certificate> certificates) {
        try {
            KeyStore store = emptyStore();
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("trusted-" + i, certificates.get(i));
            }
            return store;
        } catch (GeneralSecurityException e) {
            throw new PkiException("The trusted certificates cannot be stored: " + e.getMessage(), e);
        }
    }

    /** A server presenting {@code chain}; when {@code clientCaOrNull} is given, it trusts clients that CA issued. */
    public static SSLContext serverContext(List<X509Certificate> chain, PrivateKey key,
                                           X509Certificate clientCaOrNull) {
        TrustManager[] trust = clientCaOrNull == null ? null : trustManagers(List.of(clientCaOrNull));
        return context(keyManagers(chain, key), trust);
    }

    /** A client trusting only servers {@code ca} issued, presenting {@code clientOrNull} when asked. */
    public static SSLContext clientContext(X509Certificate ca, IssuedCertificate clientOrNull) {
        KeyManager[] keys = clientOrNull == null
                ? null
                : keyManagers(List.of(clientOrNull.certificate()), clientOrNull.privateKey());
        return context(keys, trustManagers(List.of(ca)));
    }

    /**
     * A client that trusts a server only when its chain holds a certificate with SHA-256 fingerprint
     * {@code caFingerprintSha256} and the leaf verifies up to that certificate. The server must send
     * that certificate in its chain. For enrolling before the client has the CA certificate itself.
     */
    public static SSLContext pinnedClientContext(String caFingerprintSha256) {
        String pinned = Fingerprints.normalize(caFingerprintSha256);
        return context(null, new TrustManager[] {new PinnedCaTrustManager(pinned)});
    }

    private static KeyManager[] keyManagers(List<X509Certificate> chain, PrivateKey key) {
        // the store lives only in memory, so its password only has to satisfy the API
        char[] password = Tokens.random(16).toCharArray();
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX");
            factory.init(keyStore(chain, key, password), password);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new PkiException("The key cannot be used for TLS: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(List<X509Certificate> trusted) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(trustStore(trusted));
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new PkiException("The trusted certificates cannot be used for TLS: " + e.getMessage(), e);
        }
    }

    private static SSLContext context(KeyManager[] keys, TrustManager[] trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is unavailable in this Java runtime", e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (IOException e) {
            throw new IllegalStateException("an empty in-memory key store cannot fail to load", e);
        }
    }
}
