package dev.confab.bench.channel;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.confab.shared.pki.CertificateAuthority;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.TlsMaterial;
import dev.confab.shared.wire.NodeChannel;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.confab.bench.channel.TestCertificates.issue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeConnectionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final byte[] HEARTBEAT = "{\"version\":\"bench\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ANSWER = "{\"intervalMillis\":10000}".getBytes(StandardCharsets.UTF_8);

    private final CertificateAuthority ca = CertificateAuthority.create("Test CA", Clock.systemUTC());
    private final IssuedCertificate node = issue(ca, "sim-cn1", List.of());

    @Test
    void shapesAHeartbeatAsTheAgentSendsIt() {
        String wire = encode(NodeConnection.request(HttpMethod.POST, "127.0.0.1", 19443, NodeChannel.HEARTBEAT,
                HEARTBEAT));
        assertTrue(wire.startsWith("POST /node/v1/heartbeat HTTP/1.1\r\n"), wire);
        assertTrue(wire.contains("\r\nhost: 127.0.0.1:19443\r\n"), wire);
        assertTrue(wire.contains("\r\ncontent-type: application/json\r\n"), wire);
        assertTrue(wire.contains("\r\ncontent-length: " + HEARTBEAT.length + "\r\n"), wire);
        assertTrue(wire.endsWith("\r\n\r\n" + new String(HEARTBEAT, StandardCharsets.UTF_8)), wire);
        // HTTP/1.1 keeps the connection alive unless a header says otherwise
        assertFalse(wire.contains("connection:"), wire);
    }

    @Test
    void shapesALongPollWithoutABodyAskingForGzipAsTheAgentDoes() {
        String wire = encode(NodeConnection.request(HttpMethod.GET, "fd00::5", 19443,
                NodeChannel.CONFIG + "?" + NodeChannel.SINCE + "=7", null));
        assertEquals("GET /node/v1/config?since=7 HTTP/1.1\r\nhost: [fd00::5]:19443\r\naccept-encoding: gzip\r\n\r\n",
                wire);
    }

    static Stream<SslProvider> providers() {
        return OpenSsl.isAvailable() ? Stream.of(SslProvider.JDK, SslProvider.OPENSSL) : Stream.of(SslProvider.JDK);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void keepsItsMutualTlsConnectionAliveAndOpensAnotherAfterAClose(SslProvider provider) throws Exception {
        IssuedCertificate management = issue(ca, "management", List.of("127.0.0.1"));
        try (LoopbackManagement server = new LoopbackManagement(management, ca.certificate());
             NodeTransport transport = new NodeTransport(1, provider)) {
            NodeConnection connection = nodeConnection(transport, server);

            // the second is asked for before the first is answered: it waits for the connection
            CompletableFuture<NodeConnection.Answer> heartbeat =
                    connection.postJson(NodeChannel.HEARTBEAT, HEARTBEAT, TIMEOUT);
            CompletableFuture<NodeConnection.Answer> poll =
                    connection.get(NodeChannel.CONFIG + "?" + NodeChannel.SINCE + "=3", TIMEOUT);
            assertEquals(200, heartbeat.get(10, TimeUnit.SECONDS).status());
            assertArrayEquals(ANSWER, heartbeat.get().body());
            assertEquals(200, poll.get(10, TimeUnit.SECONDS).status());
            connection.close();
            assertEquals(200, connection.postJson(NodeChannel.HEARTBEAT, HEARTBEAT, TIMEOUT)
                    .get(10, TimeUnit.SECONDS).status());

            List<Seen> seen = server.seen();
            assertEquals(3, seen.size());
            assertEquals(new Seen("POST", NodeChannel.HEARTBEAT, "127.0.0.1:" + server.port(), "application/json",
                    new String(HEARTBEAT, StandardCharsets.UTF_8), "CN=sim-cn1", seen.get(0).port()), seen.get(0));
            assertEquals(new Seen("GET", "/node/v1/config?since=3", "127.0.0.1:" + server.port(), null, "",
                    "CN=sim-cn1", seen.get(0).port()), seen.get(1));
            assertNotEquals(seen.get(0).port(), seen.get(2).port(), "a new connection after the close");
        }
    }

    @Test
    void aNodeConnectingAgainResumesItsTlsSessionWithBoringSsl() throws Exception {
        Assumptions.assumeTrue(OpenSsl.isAvailable(), "BoringSSL (netty-tcnative) does not load here");
        IssuedCertificate management = issue(ca, "management", List.of("127.0.0.1"));
        try (LoopbackManagement server = new LoopbackManagement(management, ca.certificate());
             NodeTransport transport = new NodeTransport(1, SslProvider.OPENSSL)) {
            NodeConnection connection = nodeConnection(transport, server);
            assertEquals(200, connection.postJson(NodeChannel.HEARTBEAT, HEARTBEAT, TIMEOUT)
                    .get(10, TimeUnit.SECONDS).status());
            connection.close();
            assertEquals(200, connection.postJson(NodeChannel.HEARTBEAT, HEARTBEAT, TIMEOUT)
                    .get(10, TimeUnit.SECONDS).status());

            assertEquals("1 full, 1 resumed, 0 failed", transport.handshakes());
            List<Seen> seen = server.seen();
            assertEquals("CN=sim-cn1", seen.get(1).client(), "the resumed session still names the node");
            assertNotEquals(seen.get(0).port(), seen.get(1).port(), "a new connection after the close");
        }
    }

    @Test
    void opensNoMoreConnectionsAtOnceThanTheTransportAllows() throws Exception {
        IssuedCertificate management = issue(ca, "management", List.of("127.0.0.1"));
        try (LoopbackManagement server = new LoopbackManagement(management, ca.certificate());
             NodeTransport transport = new NodeTransport(2, NodeTransport.preferredProvider(), 1)) {
            List<CompletableFuture<NodeConnection.Answer>> heartbeats = new ArrayList<>();
            for (int node = 0; node < 8; node++) {
                heartbeats.add(nodeConnection(transport, server).postJson(NodeChannel.HEARTBEAT, HEARTBEAT, TIMEOUT));
            }
            for (CompletableFuture<NodeConnection.Answer> heartbeat : heartbeats) {
                assertEquals(200, heartbeat.get(10, TimeUnit.SECONDS).status());
            }
            assertEquals(8, transport.openings().opened());
            assertEquals(0, transport.openings().opening(), "every slot is left once its handshake ended");
            assertEquals(8, server.seen().stream().map(Seen::port).distinct().count());
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void refusesAServerThatAnotherAuthorityCertified(SslProvider provider) throws Exception {
        CertificateAuthority other = CertificateAuthority.create("Other CA", Clock.systemUTC());
        assertRefusesServer(issue(other, "management", List.of("127.0.0.1")), provider);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void refusesAServerWhoseCertificateNamesAnotherAddress(SslProvider provider) throws Exception {
        assertRefusesServer(issue(ca, "management", List.of("127.0.0.2")), provider);
    }

    /** A heartbeat to a server presenting {@code certificate} fails its TLS handshake and never arrives. */
    private void assertRefusesServer(IssuedCertificate certificate, SslProvider provider) throws Exception {
        try (LoopbackManagement server = new LoopbackManagement(certificate, ca.certificate());
             NodeTransport transport = new NodeTransport(1, provider)) {
            CompletableFuture<NodeConnection.Answer> heartbeat =
                    nodeConnection(transport, server).postJson(NodeChannel.HEARTBEAT, HEARTBEAT, TIMEOUT);
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> heartbeat.get(10, TimeUnit.SECONDS));
            assertInstanceOf(SSLException.class, refused.getCause(), refused.getCause().toString());
            assertEquals(List.of(), server.seen());
        }
    }

    /** The node's connection to {@code server}: its own certificate, trusting only {@link #ca}. */
    private NodeConnection nodeConnection(NodeTransport transport, LoopbackManagement server) {
        return transport.connection("127.0.0.1", server.port(), transport.clientContext(ca.certificate(), node));
    }

    private static String encode(FullHttpRequest request) {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpClientCodec());
        channel.writeOutbound(request);
        StringBuilder wire = new StringBuilder();
        for (ByteBuf chunk = channel.readOutbound(); chunk != null; chunk = channel.readOutbound()) {
            wire.append(chunk.toString(StandardCharsets.UTF_8));
            chunk.release();
        }
        channel.finishAndReleaseAll();
        return wire.toString();
    }

    /** A request as the server received it, with the client's port and certificate subject. */
    record Seen(String method, String uri, String host, String contentType, String body, String client, int port) {
    }

    /** An HTTPS server on loopback that requires a client certificate from {@code clientCa} and answers 200. */
    private static final class LoopbackManagement implements AutoCloseable {

        private final HttpsServer server;
        private final List<Seen> seen = new CopyOnWriteArrayList<>();

        LoopbackManagement(IssuedCertificate identity, X509Certificate clientCa) throws IOException {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(TlsMaterial.serverContext(
                    List.of(identity.certificate()), identity.privateKey(), clientCa)) {
                @Override
                public void configure(HttpsParameters parameters) {
                    SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                    ssl.setNeedClientAuth(true);
                    parameters.setSSLParameters(ssl);
                }
            });
            server.createContext("/", exchange -> {
                X509Certificate client = (X509Certificate) ((HttpsExchange) exchange).getSSLSession()
                        .getPeerCertificates()[0];
                seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        exchange.getRequestHeaders().getFirst("Host"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                        client.getSubjectX500Principal().getName(), exchange.getRemoteAddress().getPort()));
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, ANSWER.length);
                exchange.getResponseBody().write(ANSWER);
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        List<Seen> seen() {
            return List.copyOf(seen);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
