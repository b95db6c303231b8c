package dev.confab.management.http;

import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
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

    /** Requests one HTTP/2 connection may have under way at once. */
    public static final int MAX_STREAMS = 1024;

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

    /** The connector function for given TLS settings: HTTP/1.1 only. */
    public BiFunction<Server, HttpConfiguration, Connector> factory(SslContextFactory.Server ssl) {
        return (server, httpConfig) -> {
            HttpConfiguration https = secure(httpConfig);
            ServerConnector connector = new ServerConnector(server,
                    new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
            connector.setHost(host);
            connector.setPort(port);
            return connector;
        };
    }

    /**
     * The connector function for given TLS settings, offering HTTP/2 ({@code h2}) first and HTTP/1.1
     * second in the TLS handshake (ALPN); a client that names neither gets HTTP/1.1. Over HTTP/2 a
     * client sends all its requests on one connection, each on a stream of its own, however many
     * are under way at once (up to {@value #MAX_STREAMS}: a node placing a burst of calls asks for a
     * licence for each at once). Headers go without HPACK's dynamic tables, which cost more heap than
     * they saved bytes.
     */
    public BiFunction<Server, HttpConfiguration, Connector> factoryWithHttp2(SslContextFactory.Server ssl) {
        return (server, httpConfig) -> {
            HttpConfiguration https = secure(httpConfig);
            HTTP2ServerConnectionFactory http2 = new HTTP2ServerConnectionFactory(https);
            http2.setMaxConcurrentStreams(MAX_STREAMS);
            // no HPACK dynamic tables, either way: a long-poll's path (since=R) and the Date header are
            // new values on nearly every request, and each table filled up to its 4 kB with them, 5-7 kB
            // of heap per connection that saved a few bytes on the wire
            http2.setMaxDecoderTableCapacity(0);
            http2.setMaxEncoderTableCapacity(0);
            HttpConnectionFactory http11 = new HttpConnectionFactory(https);
            // the protocols offered are the connector's factories after ALPN's, in this order
            ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
            alpn.setDefaultProtocol(http11.getProtocol());
            ServerConnector connector = new ServerConnector(server,
                    new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, http2, http11);
            connector.setHost(host);
            connector.setPort(port);
            return connector;
        };
    }

    private static HttpConfiguration secure(HttpConfiguration httpConfig) {
        HttpConfiguration https = new HttpConfiguration(httpConfig);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // clients address nodes by IP literal; the certificate's IP SANs cover that, not SNI
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        return https;
    }
}
