package dev.confab.management.channel;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.http2.HTTP2Connection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;

import java.util.concurrent.atomic.LongAdder;

/**
 * The node channel's open connections by the protocol they speak once TLS is set up: HTTP/2, on
 * which a node sends its heartbeats and holds its long-poll at once, or HTTP/1.1, which carries one
 * request at a time (a node then holds two connections). A listener on the channel's connector,
 * told of every connection opened and closed. Thread-safe.
 */
public final class ChannelConnections implements Connection.Listener {

    /** The protocol names, as ALPN gives them. */
    static final String HTTP2 = "h2";
    static final String HTTP11 = "http/1.1";

    private final LongAdder http2 = new LongAdder();
    private final LongAdder http11 = new LongAdder();

    @Override
    public void onOpened(Connection connection) {
        LongAdder count = count(connection);
        if (count != null) {
            count.increment();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        LongAdder count = count(connection);
        if (count != null) {
            count.decrement();
        }
    }

    private LongAdder count(Connection connection) {
        // the TLS layer beneath each of them, and ALPN's brief one, are not counted
        if (connection instanceof HTTP2Connection) {
            return http2;
        }
        if (connection instanceof HttpConnection) {
            return http11;
        }
        return null;
    }

    /** The open connections speaking {@code protocol} ({@link #HTTP2} or {@link #HTTP11}). */
    long open(String protocol) {
        return switch (protocol) {
            case HTTP2 -> http2.sum();
            case HTTP11 -> http11.sum();
            default -> throw new IllegalArgumentException("no protocol " + protocol + ": " + HTTP2 + " or " + HTTP11);
        };
    }

    /** Registers {@code confab.channel.connections}, tagged by protocol, on {@code registry}. */
    public void bindTo(MeterRegistry registry) {
        for (String protocol : new String[] {HTTP2, HTTP11}) {
            Gauge.builder("confab.channel.connections", this, connections -> connections.open(protocol))
                    .description("Open connections of the node channel by protocol (over HTTP/2 a node needs one,"
                            + " over HTTP/1.1 two)")
                    .tag("protocol", protocol).register(registry);
        }
    }
}
