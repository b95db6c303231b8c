package dev.confab.management.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.api.ApiErrors;
import dev.confab.management.calls.Calls;
import dev.confab.management.health.NodeMonitor;
import dev.confab.management.http.HttpsConnector;
import dev.confab.management.replication.ReplicationHub;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.shared.crypto.Tokens;
import dev.confab.shared.pki.CertificateAuthority;
import dev.confab.shared.pki.CertificateRequest;
import dev.confab.shared.pki.KeyPairs;
import dev.confab.shared.pki.TlsMaterial;
import dev.confab.shared.wire.EnrolRequest;
import dev.confab.shared.wire.NodeChannel;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The node channel's HTTPS listener ({@code --node-port}, 9443 on an appliance). Its certificate is
 * issued by the CA at every start for a key that lives only in memory, and the CA certificate is
 * sent with it so that nodes enrolling with only the CA's fingerprint can verify it. The listener asks
 * every client for a certificate from the CA (mutual TLS; a certificate from another CA fails the
 * handshake, which is logged); enrolment alone works without one, as the node has none yet, and
 * every other route requires one that is valid and not revoked. It speaks HTTP/2 to clients that
 * offer it in the handshake (the agent does: its heartbeats and its long-poll then share one
 * connection), else HTTP/1.1. Heartbeats and long-polls are answered by {@link FrequentRequests}, a
 * Jetty core handler, before Javalin; enrolment, licences and participants by Javalin.
 */
public final class NodeChannelServer {

    /** How long a connection, or an HTTP/2 stream, may go without a byte either way. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    private final Javalin http;
    private final ChannelAuthenticator authenticator;
    private final ChannelConnections connections;

    private NodeChannelServer(Javalin http, ChannelAuthenticator authenticator, ChannelConnections connections) {
        this.http = http;
        this.authenticator = authenticator;
        this.connections = connections;
    }

    /**
     * Starts listening on {@code bind}:{@code port} (0 = any), with {@code names} (IPs, DNS) in the
     * certificate; {@code monitor} takes heartbeats, {@code replication} answers configuration polls and
     * {@code calls} takes the nodes' calls and licence requests.
     */
    public static NodeChannelServer start(String bind, int port, List<String> names, CertificateAuthority authority,
                                          Enroller enroller, ConfigurationService configuration,
                                          NodeMonitor monitor, ReplicationHub replication, Calls calls) {
        ChannelAuthenticator authenticator = new ChannelAuthenticator(configuration, authority);
        NodeChannelRoutes routes = new NodeChannelRoutes(authenticator, calls);
        FrequentRequests frequent = new FrequentRequests(authenticator, monitor, replication, calls);
        KeyPair keys = KeyPairs.ecP256();
        String csr = CertificateRequest.create(keys, NodeChannel.MANAGEMENT_COMMON_NAME, names).pem();
        X509Certificate leaf = authority.issue(csr, NodeChannel.MANAGEMENT_COMMON_NAME, names, Duration.ofDays(825));
        char[] password = Tokens.random(18).toCharArray();
        KeyStore keyStore = TlsMaterial.keyStore(List.of(leaf, authority.certificate()), keys.getPrivate(), password);
        ObjectMapper json = NodeChannel.json();
        ChannelConnections connections = new ChannelConnections();
        Javalin http = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            HttpsConnector connector = new HttpsConnector(bind, port, keyStore, password,
                    TlsMaterial.trustStore(List.of(authority.certificate())));
            SslContextFactory.Server ssl = connector.sslContextFactory();
            // enrolment comes before the node has a certificate: ask for one, and require it per route
            ssl.setNeedClientAuth(false);
            ssl.setWantClientAuth(true);
            config.jetty.addConnector((server, httpConfig) -> {
                HttpConfiguration channel = new HttpConfiguration(httpConfig);
                // a thousand nodes keep connections open; the per-connection header cache would cost
                // tens of kB each and saves nothing on requests with a handful of headers
                channel.setHeaderCacheSize(0);
                // HTTP/2 first: a node's heartbeats and its long-poll share one connection
                Connector built = connector.factoryWithHttp2(ssl).apply(server, channel);
                // a long-poll waits up to 25 s on its stream or connection: well within this, even when
                // the answer is late
                if (built instanceof AbstractConnector idle) {
                    idle.setIdleTimeout(IDLE_TIMEOUT.toMillis());
                }
                HTTP2ServerConnectionFactory http2 = built.getConnectionFactory(HTTP2ServerConnectionFactory.class);
                if (http2 != null) {
                    http2.setStreamIdleTimeout(IDLE_TIMEOUT.toMillis());
                }
                built.addBean(HandshakeLog.INSTANCE);
                built.addBean(connections);
                return built;
            });
            // heartbeats and long-polls before Javalin: it wraps its servlet context in this handler
            config.jetty.modifyServer(server -> server.setHandler(frequent));
            ApiErrors.register(config);
            config.routes.exception(EnrolmentRefusedException.class,
                    (e, ctx) -> ApiErrors.answer(ctx, 403, e.getMessage(), Map.of()));
            config.routes.post(NodeChannel.ENROL, ctx -> enrol(ctx, json, enroller));
            routes.register(config);
        }).start();
        return new NodeChannelServer(http, authenticator, connections);
    }

    private static void enrol(Context ctx, ObjectMapper json, Enroller enroller) throws Exception {
        EnrolRequest request = json.readValue(ctx.body(), EnrolRequest.class);
        ctx.json(enroller.enrol(request, ctx.ip()));
    }

    /** After every committed change to a {@code worker_vm}: a node's addresses are read again. */
    public void nodeChanged(long nodeId) {
        authenticator.nodeChanged(nodeId);
    }

    /** Registers the channel's meters (its open connections by protocol) on {@code registry}. */
    public void bindTo(MeterRegistry registry) {
        connections.bindTo(registry);
    }

    /** The open connections speaking HTTP/2 ({@code h2}) or HTTP/1.1 ({@code http/1.1}). */
    public long openConnections(String protocol) {
        return connections.open(protocol);
    }

    public int port() {
        return http.port();
    }

    public void stop() {
        http.stop();
    }
}
