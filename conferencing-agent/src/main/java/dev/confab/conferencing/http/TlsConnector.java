package dev.confab.conferencing.http;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.security.KeyStore;
import java.util.function.BiFunction;

/**
 * A Jetty HTTPS connector (TLS 1.2 and 1.3) for Javalin from an in-memory key store; with a trust
 * store, it requires a client certificate from it (mutual TLS). Immutable.
 *
 * @param trustStore the CAs a client certificate must come from; null for no client certificate
 */
public record TlsConnector(String host, int port, KeyStore keyStore, char[] keyPassword, KeyStore trustStore) {

    /** A connector that asks for no client certificate. */
    public TlsConnector(String host, int port, KeyStore keyStore, char[] keyPassword) {
        this(host, port, keyStore, keyPassword, null);
    }

    public BiFunction<Server, HttpConfiguration, Connector> factory() {
        return (server, httpConfig) -> {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(keyStore);
            ssl.setKeyStorePassword(new String(keyPassword));
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            if (trustStore != null) {
                ssl.setTrustStore(trustStore);
                ssl.setNeedClientAuth(true);
            }
            HttpConfiguration https = new HttpConfiguration(httpConfig);
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // clients open https://<address>:<port>/ by IP literal; the certificates name the address, not SNI
            secure.setSniHostCheck(false);
            https.addCustomizer(secure);
            ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(https));
            connector.setHost(host);
            connector.setPort(port);
            return connector;
        };
    }
}
