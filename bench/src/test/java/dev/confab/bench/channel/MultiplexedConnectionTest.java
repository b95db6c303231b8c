package dev.confab.bench.channel;

import dev.confab.management.http.HttpsConnector;
import dev.confab.shared.pki.CertificateAuthority;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.TlsMaterial;
import dev.confab.shared.wire.NodeChannel;
import io.javalin.Javalin;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static dev.confab.bench.channel.TestCertificates.issue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A simulated node's HTTP/2 connection against the node channel's own connector (Jetty, ALPN, mutual
 * TLS): heartbeats answered beside a waiting long-poll on one connection, a timeout that ends only
 * its own request, and a server without HTTP/2 refused.
 */
class MultiplexedConnectionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final byte[] HEARTBEAT = "{\"version\":\"bench\"}".getBytes(StandardCharsets.UTF_8);

    private final CertificateAuthority ca = CertificateAuthority.create("Test CA", Clock.systemUTC());
    private final IssuedCertificate node = issue(ca, "sim-cn1", List.of());

    static Stream<SslProvider> providers() {
        return OpenSsl.isAvailable() ? Stream.of(SslProvider.JDK, SslProvider.OPENSSL) : Stream.of(SslProvider.JDK);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void answersHeartbeatsOnTheConnectionTheLongPollWaitsOn(SslProvider provider) throws Exception {
        try (Channel server = new Channel(true);
             NodeTransport transport = new NodeTransport(1, provider, Integer.MAX_VALUE, true)) {
            NodeLink connection = link(transport, server);

            CompletableFuture<NodeConnection.Answer> poll =
                    connection.get(NodeChannel.CONFIG + "?" + NodeChannel.SINCE + "=3", TIMEOUT);
            List<NodeConnection.Answer> heartbeats = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                heartbeats.add(connection.postJson(NodeChannel.HEARTBEAT, HEARTBEAT, TIMEOUT).get(10, TimeUnit.SECONDS));
            }
            assertFalse(poll.isDone(), "the long-poll still waits");
            server.release.complete("{\"revision\":4}");

            assertEquals(200, poll.get(10, TimeUnit.SECONDS).status());
            assertEquals("{\"revision\":4}", new String(poll.get().body(), StandardCharsets.UTF_8));
            for (NodeConnection.Answer heartbeat : heartbeats) {
                assertEquals(200, heartbeat.status());
                assertArrayEquals(HEARTBEAT, heartbeat.body());
            }
            assertEquals(4, server.seen.size());
            assertTrue(server.seen.stream().allMatch(seen -> seen.equals(server.seen.get(0))),
                    "every request on one connection, over HTTP/2: " + server.seen);
            assertTrue(server.seen.get(0).startsWith("HTTP/2.0 "), server.seen.get(0));
            assertEquals(1, transport.openings().opened());
        }
    }

    @Test
    void aRequestThatTimesOutEndsAloneAndTheConnectionStays() throws Exception {
        try (Channel server = new Channel(true);
             NodeTransport transport = new NodeTransport(1, NodeTransport.preferredProvider(), Integer.MAX_VALUE, true)) {
            NodeLink connection = link(transport, server);
            assertEquals(200, connection.postJson(NodeChannel.HEARTBEAT, HEARTBEAT, TIMEOUT)
                    .get(10, TimeUnit.SECONDS).status());

            CompletableFuture<NodeConnection.Answer> poll =
                    connection.get(NodeChannel.CONFIG + "?" + NodeChannel.SINCE + "=3", Duration.ofMillis(300));
            ExecutionException late = assertThrows(ExecutionException.class, () -> poll.get(10, TimeUnit.SECONDS));
            assertInstanceOf(TimeoutException.class, late.getCause());
            assertEquals(200, connection.postJson(NodeChannel.HEARTBEAT, HEARTBEAT, TIMEOUT)
                    .get(10, TimeUnit.SECONDS).status());

            assertEquals(1, transport.openings().opened(), "no second connection");
            assertEquals(1, server.seen.stream().distinct().count(), server.seen.toString());
        }
    }

    @Test
    void anotherConnectionOpensAfterAClose() throws Exception {
        try (Channel server = new Channel(true);
             NodeTransport transport = new NodeTransport(1, NodeTransport.preferredProvider(), Integer.MAX_VALUE, true)) {
            NodeLink connection = link(transport, server);
            CompletableFuture<NodeConnection.Answer> poll =
                    connection.get(NodeChannel.CONFIG + "?" + NodeChannel.SINCE + "=3", TIMEOUT);
            assertEquals(200, connection.postJson(NodeChannel.HEARTBEAT, HEARTBEAT, TIMEOUT)
                    .get(10, TimeUnit.SECONDS).status());

            connection.close();
            ExecutionException closed = assertThrows(ExecutionException.class, () -> poll.get(10, TimeUnit.SECONDS));
            assertInstanceOf(IOException.class, closed.getCause());
            assertEquals(200, connection.postJson(NodeChannel.HEARTBEAT, HEARTBEAT, TIMEOUT)
                    .get(10, TimeUnit.SECONDS).status());

            assertEquals(2, transport.openings().opened());
            assertEquals(2, server.seen.stream().distinct().count(), server.seen.toString());
        }
    }

    @Test
    void aRequestSentWhenTheConnectionClosedGoesOnTheNextOne() throws Exception {
        try (Channel server = new Channel(true);
             NodeTransport transport = new NodeTransport(1, NodeTransport.preferredProvider(), Integer.MAX_VALUE, true)) {
            NodeLink connection = link(transport, server);
            // as a node does: a heartbeat at once when its poll failed, from the failure's callback
            CompletableFuture<NodeConnection.Answer> afterwards = connection.get(NodeChannel.CONFIG + "?"
                    + NodeChannel.SINCE + "=3", TIMEOUT).handle((answer, error) -> error)
                    .thenCompose(error -> connection.postJson(NodeChannel.HEARTBEAT, HEARTBEAT, TIMEOUT));
            assertEquals(200, connection.postJson(NodeChannel.HEARTBEAT, HEARTBEAT, TIMEOUT)
                    .get(10, TimeUnit.SECONDS).status());

            connection.close();

            assertEquals(200, afterwards.get(10, TimeUnit.SECONDS).status());
            assertEquals(2, transport.openings().opened());
        }
    }

    @Test
    void aServerThatDoesNotSpeakHttp2IsRefused() throws Exception {
        try (Channel server = new Channel(false);
             NodeTransport transport = new NodeTransport(1, NodeTransport.preferredProvider(), Integer.MAX_VALUE, true)) {
            ExecutionException refused = assertThrows(ExecutionException.class, () -> link(transport, server)
                    .postJson(NodeChannel.HEARTBEAT, HEARTBEAT, TIMEOUT).get(10, TimeUnit.SECONDS));
            assertInstanceOf(IOException.class, refused.getCause());
            assertTrue(refused.getCause().getMessage().contains("did not agree on HTTP/2"),
                    refused.getCause().getMessage());
            assertEquals(List.of(), server.seen);
        }
    }

    private NodeLink link(NodeTransport transport, Channel server) {
        return transport.link("127.0.0.1", server.port(), transport.clientContext(ca.certificate(), node));
    }

    /**
     * The node channel's connector (HTTP/2 and HTTP/1.1, or HTTP/1.1 only) requiring a client
     * certificate from the test's CA: heartbeats echoed, long-polls held until {@link #release}d.
     * Each request is seen as its protocol and the client's port.
     */
    private final class Channel implements AutoCloseable {

        final List<String> seen = new CopyOnWriteArrayList<>();
        final CompletableFuture<String> release = new CompletableFuture<>();
        private final Javalin http;

        Channel(boolean http2) {
            IssuedCertificate identity = issue(ca, "management", List.of("127.0.0.1"));
            char[] password = "test-password".toCharArray();
            HttpsConnector connector = new HttpsConnector("127.0.0.1", 0, TlsMaterial.keyStore(
                    List.of(identity.certificate(), ca.certificate()), identity.privateKey(), password), password,
                    TlsMaterial.trustStore(List.of(ca.certificate())));
            SslContextFactory.Server ssl = connector.sslContextFactory();
            http = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.jetty.addConnector(http2 ? connector.factoryWithHttp2(ssl) : connector.factory(ssl));
                config.routes.before(ctx -> seen.add(ctx.req().getProtocol() + " " + ctx.req().getRemotePort()));
                config.routes.post(NodeChannel.HEARTBEAT, ctx -> ctx.contentType("application/json")
                        .result(ctx.bodyAsBytes()));
                config.routes.get(NodeChannel.CONFIG, ctx -> ctx.future(() -> release.thenAccept(answer ->
                        ctx.contentType("application/json").result(answer))));
            }).start();
        }

        int port() {
            return http.port();
        }

        @Override
        public void close() {
            release.complete("{}");
            http.stop();
        }
    }
}
