package dev.confab.management.testing;

import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.TlsMaterial;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A client TLS context that presents its certificate even when the server names other issuers, as
 * an impostor would; an ordinary client offers none then.
 */
public final class AlwaysPresent extends X509ExtendedKeyManager {

    private static final String ALIAS = "impostor";
    private final IssuedCertificate identity;

    private AlwaysPresent(IssuedCertificate identity) {
        this.identity = identity;
    }

    public static SSLContext context(IssuedCertificate identity, X509Certificate trustedServerCa)
            throws GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(TlsMaterial.trustStore(List.of(trustedServerCa)));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {new AlwaysPresent(identity)}, trust.getTrustManagers(), null);
        return context;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return ALIAS;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return ALIAS;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return new String[] {ALIAS};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return new String[0];
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return new X509Certificate[] {identity.certificate()};
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return identity.privateKey();
    }
}
