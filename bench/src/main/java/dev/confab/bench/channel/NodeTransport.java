package dev.confab.bench.channel;

import dev.confab.shared.pki.IssuedCertificate;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.Version;
import io.netty.util.concurrent.DefaultThreadFactory;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What the simulated nodes' connections share: one small Netty event loop group, on which the TLS,
 * the HTTP and the parsing of the answers of the whole fleet run, the TLS implementation, and the
 * bound on connections {@link Openings opening} at once. Each node still has its own {@link
 * SslContext} (its own key and certificate, and the TLS sessions it may resume) and its own
 * connections, which speak HTTP/2 (one {@link MultiplexedConnection} per node, as the agent keeps)
 * or HTTP/1.1 ({@link NodeConnection}s, one request at a time, as agents before HTTP/2 did). Counts
 * the handshakes: full, resumed (BoringSSL says which), failed. Thread-safe.
 */
final class NodeTransport implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 20_000;

    /**
     * netty-tcnative's engine knows whether its handshake resumed a session but tells only its own
     * package; the JDK's engine does not say. Null where unavailable.
     */
    private static final MethodHandle REUSED = reusedHandle();

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final SslProvider provider;
    private final int ioThreads;
    private final Openings openings;
    private final boolean http2;
    private final AtomicLong fullHandshakes = new AtomicLong();
    private final AtomicLong resumedHandshakes = new AtomicLong();
    private final AtomicLong failedHandshakes = new AtomicLong();
    private final AtomicLong untold = new AtomicLong();

    /** HTTP/1.1, with no bound on connections opening at once. */
    NodeTransport(int ioThreads, SslProvider provider) {
        this(ioThreads, provider, Integer.MAX_VALUE);
    }

    /** HTTP/1.1, with at most {@code openingAtOnce} connections opening at a time, the fleet over. */
    NodeTransport(int ioThreads, SslProvider provider, int openingAtOnce) {
        this(ioThreads, provider, openingAtOnce, false);
    }

    /** With at most {@code openingAtOnce} connections opening at a time, speaking HTTP/2 or HTTP/1.1. */
    NodeTransport(int ioThreads, SslProvider provider, int openingAtOnce, boolean http2) {
        this.ioThreads = ioThreads;
        this.provider = provider;
        this.http2 = http2;
        this.openings = new Openings(openingAtOnce);
        this.group = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("node-io", true),
                NioIoHandler.newFactory());
        this.bootstrap = new Bootstrap().channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .option(ChannelOption.TCP_NODELAY, true);
    }

    /** OpenSSL (netty-tcnative's BoringSSL) where its native library loads, else the JDK's TLS. */
    static SslProvider preferredProvider() {
        return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
    }

    /** One line naming the transport, its threads and the TLS implementation in use. */
    String describe() {
        Version common = Version.identify().get("netty-common");
        String netty = common == null ? "Netty" : "Netty " + common.artifactVersion();
        String tls = provider == SslProvider.OPENSSL ? "OpenSSL (" + OpenSsl.versionString() + ")"
                : "the JDK" + (OpenSsl.isAvailable() ? "" : " (OpenSSL unavailable: " + OpenSsl.unavailabilityCause() + ")");
        return netty + ", " + (http2 ? "HTTP/2, one connection per node" : "HTTP/1.1, a connection per request under"
                + " way") + ", " + ioThreads + " I/O thread" + (ioThreads == 1 ? "" : "s") + ", TLS by " + tls
                + (openings.limit() == Integer.MAX_VALUE ? "" : ", at most " + openings.limit()
                + " connections opening at once");
    }

    /** The handshakes so far: full, resumed (a session the node held before) and failed. */
    String handshakes() {
        String done = untold.get() > 0 ? untold.get() + " completed (this TLS does not say which resumed)"
                : fullHandshakes.get() + " full, " + resumedHandshakes.get() + " resumed";
        return done + ", " + failedHandshakes.get() + " failed";
    }

    /** Counts a handshake that ended: failed, or completed, resuming a session or not. */
    void handshakeEnded(boolean success, SSLEngine engine) {
        if (!success) {
            failedHandshakes.incrementAndGet();
            return;
        }
        Boolean reused = reused(engine);
        (reused == null ? untold : reused ? resumedHandshakes : fullHandshakes).incrementAndGet();
    }

    /** The bound on connections opening at once. */
    Openings openings() {
        return openings;
    }

    /**
     * A node's TLS client: presents {@code identity}, trusts only servers {@code ca} issued, and
     * checks that the server's certificate names the address it connected to, as the agent's
     * client does (the Management Node's channel certificate names its IP addresses). Over HTTP/2
     * it offers {@code h2} alone in the handshake (ALPN); over HTTP/1.1 it offers nothing.
     */
    SslContext clientContext(X509Certificate ca, IssuedCertificate identity) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(provider)
                    .keyManager(identity.privateKey(), identity.certificate())
                    .trustManager(ca)
                    .endpointIdentificationAlgorithm("HTTPS");
            if (http2) {
                builder.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ApplicationProtocolNames.HTTP_2));
            }
            return builder.build();
        } catch (SSLException e) {
            throw new UncheckedIOException("the node's TLS context cannot be built", e);
        }
    }

    /** Whether the nodes speak HTTP/2, each on one connection. */
    boolean http2() {
        return http2;
    }

    /** A new link (not yet open) to {@code host}:{@code port} in the transport's protocol, on one of the group's event loops. */
    NodeLink link(String host, int port, SslContext tls) {
        return http2 ? new MultiplexedConnection(this, group.next(), tls, host, port)
                : connection(host, port, tls);
    }

    /** A new HTTP/1.1 connection (not yet open) to {@code host}:{@code port}, on one of the group's event loops. */
    NodeConnection connection(String host, int port, SslContext tls) {
        return new NodeConnection(this, group.next(), tls, host, port);
    }

    /**
     * A bootstrap for one node's connections on {@code loop}: TLS first, its handshake allowed as
     * long as an answer, then the protocol's handlers.
     */
    Bootstrap bootstrap(EventLoop loop, SslContext tls, String host, int port, Consumer<ChannelPipeline> protocol) {
        return bootstrap.clone(loop).handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel opened) {
                SslHandler handshake = tls.newHandler(opened.alloc(), host, port);
                // a fleet connecting at once queues its handshakes at the server: wait as long as for an answer
                handshake.setHandshakeTimeoutMillis(NodeConnection.HANDSHAKE_TIMEOUT_MILLIS);
                opened.pipeline().addLast(handshake);
                protocol.accept(opened.pipeline());
            }
        });
    }

    private static MethodHandle reusedHandle() {
        try {
            // not initialised here: that needs the native library, which OpenSsl loads first
            Method method = Class.forName("io.netty.handler.ssl.ReferenceCountedOpenSslEngine", false,
                            NodeTransport.class.getClassLoader())
                    .getDeclaredMethod("isSessionReused");
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Whether {@code engine}'s handshake resumed a session; null when it does not say. */
    private static Boolean reused(SSLEngine engine) {
        if (REUSED == null || !REUSED.type().parameterType(0).isInstance(engine)) {
            return null;
        }
        try {
            return (boolean) REUSED.invoke(engine);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot tell whether a handshake resumed its session", e);
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
