package dev.confab.management.http;

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
 * A Jetty HTTPS connector for Javalin from an in-memory key store, optionally requiring client
 * certificates from a trust store (mutual TLS). TLS 1.2 and 1.3 only. Immutable.
 */
public record HttpsConnector(String host, int port, KeyStore keyStore, char[] keyPassword, KeyStore trustStore) {

    /** The function Javalin's {@code config.jetty.addConnector} takes. */
    public BiFunction<Server, HttpConfiguration, Connector> factory() {
        return factory(sslContextFactory());
    }

    /** The TLS settings of this connector; keep it to {@link #reload} the certificate later. */
    public SslContextFactory.Server sslContextFactory() {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keyStore);
        ssl.setKeyStorePassword(new String(keyPassword));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        if (trustStore != null) {
            ssl.setTrustStore(trustStore);
            ssl.setNeedClientAuth(true);
        }
        return ssl;
    }

    /** Presents another certificate on new connections, without a restart. */
    public static void reload(SslContextFactory.Server ssl, KeyStore keyStore, char[] keyPassword) throws Exception {
        ssl.reload(factory -> {
            factory.setKeyStore(keyStore);
            factory.setKeyStorePassword(new String(keyPassword));
        });
    }

    /** The connector function for given TLS settings. */
    public BiFunction<Server, HttpConfiguration, Connector> factory(SslContextFactory.Server ssl) {
        return (server, httpConfig) -> {
            HttpConfiguration https = new HttpConfiguration(httpConfig);
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // clients address nodes by IP literal; the certificate's IP SANs cover that, not SNI
            secure.setSniHostCheck(false);
            https.addCustomizer(secure);
            ServerConnector connector = new ServerConnector(server,
                    new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
            connector.setHost(host);
            connector.setPort(port);
            return connector;
        };
    }
}
