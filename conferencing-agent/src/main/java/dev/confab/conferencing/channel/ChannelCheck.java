package dev.confab.conferencing.channel;

import dev.confab.shared.pki.TlsMaterial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks, once a configured node starts, that the Management Node's node channel answers and proves
 * the pinned CA: a TLS handshake, retried until it succeeds or the deadline passes (a tunnel to
 * the Management Node may still be coming up), logged either way. Stateless and thread-safe.
 */
public final class ChannelCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelCheck.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final String address;
    private final int port;
    private final String caFingerprint;

    public ChannelCheck(String address, int port, String caFingerprint) {
        this.address = address;
        this.port = port;
        this.caFingerprint = caFingerprint;
    }

    /** True once a handshake succeeded within {@code patience}. */
    public boolean await(Duration patience, Clock clock) throws InterruptedException {
        Instant deadline = clock.instant().plus(patience);
        IOException last = null;
        while (clock.instant().isBefore(deadline)) {
            try {
                handshake();
                LOG.info("The Management Node's node channel at {}:{} answers and holds the pinned CA", address, port);
                return true;
            } catch (IOException e) {
                last = e;
                Thread.sleep(500);
            }
        }
        LOG.warn("The Management Node's node channel at {}:{} did not answer within {} s ({}); check the network,"
                + " the IPsec tunnel to it and that UDP 500 and 4500 are open", address, port, patience.toSeconds(),
                last);
        return false;
    }

    private void handshake() throws IOException {
        try (SSLSocket socket = (SSLSocket) TlsMaterial.pinnedClientContext(caFingerprint).getSocketFactory()
                .createSocket()) {
            socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
            socket.startHandshake();
        }
    }
}
