package dev.confab.bench.channel;

import dev.confab.shared.pki.IssuedCertificate;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.Version;
import io.netty.util.concurrent.DefaultThreadFactory;

import javax.net.ssl.SSLException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

/**
 * What the simulated nodes' connections share: one small Netty event loop group, on which the TLS,
 * the HTTP and the parsing of the answers of the whole fleet run, and the TLS implementation. Each
 * node still has its own {@link SslContext} (its own key and certificate) and its own connections.
 * Thread-safe.
 */
final class NodeTransport implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 20_000;

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final SslProvider provider;
    private final int ioThreads;

    NodeTransport(int ioThreads, SslProvider provider) {
        this.ioThreads = ioThreads;
        this.provider = provider;
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
        return netty + ", " + ioThreads + " I/O thread" + (ioThreads == 1 ? "" : "s") + ", TLS by " + tls;
    }

    /**
     * A node's TLS client: presents {@code identity}, trusts only servers {@code ca} issued, and
     * checks that the server's certificate names the address it connected to, as the agent's
     * client does (the Management Node's channel certificate names its IP addresses).
     */
    SslContext clientContext(X509Certificate ca, IssuedCertificate identity) {
        try {
            return SslContextBuilder.forClient().sslProvider(provider)
                    .keyManager(identity.privateKey(), identity.certificate())
                    .trustManager(ca)
                    .endpointIdentificationAlgorithm("HTTPS")
                    .build();
        } catch (SSLException e) {
            throw new UncheckedIOException("the node's TLS context cannot be built", e);
        }
    }

    /** A new connection (not yet open) to {@code host}:{@code port}, on one of the group's event loops. */
    NodeConnection connection(String host, int port, SslContext tls) {
        return new NodeConnection(bootstrap, group.next(), tls, host, port);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
