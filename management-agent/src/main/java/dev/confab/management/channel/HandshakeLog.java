package dev.confab.management.channel;

import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLEngine;

/** Logs refused TLS handshakes on the node channel: a certificate from another CA, or no TLS at all. */
final class HandshakeLog implements SslHandshakeListener {

    static final HandshakeLog INSTANCE = new HandshakeLog();
    private static final Logger LOG = LoggerFactory.getLogger(HandshakeLog.class);

    private HandshakeLog() {
    }

    @Override
    public void handshakeFailed(Event event, Throwable failure) {
        SSLEngine engine = event.getSSLEngine();
        LOG.warn("Refused a TLS handshake on the node channel from {}: {}", engine.getPeerHost(),
                failure.getMessage());
    }
}
