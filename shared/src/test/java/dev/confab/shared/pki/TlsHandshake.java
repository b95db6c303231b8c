package dev.confab.shared.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** A real TLS handshake over loopback between a server and a client context. */
final class TlsHandshake {

    private static final int TIMEOUT_MILLIS = 5000;

    private TlsHandshake() {
    }

    /**
     * Connects, handshakes and exchanges one byte; throws what the client saw if either side refused.
     * Returns the client certificate the server received, if any.
     */
    static Optional<X509Certificate> run(SSLContext server, SSLContext client, boolean needClientAuth)
            throws IOException {
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setNeedClientAuth(needClientAuth);
            listener.setSoTimeout(TIMEOUT_MILLIS);
            CompletableFuture<Optional<X509Certificate>> served =
                    CompletableFuture.supplyAsync(() -> serveOnce(listener));
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                socket.setSoTimeout(TIMEOUT_MILLIS);
                socket.startHandshake();
                // with TLS 1.3 a server's refusal of the client certificate arrives after the client's handshake
                if (socket.getInputStream().read() != 1) {
                    throw new IOException("the server closed the connection without answering");
                }
            }
            return served.join();
        }
    }

    private static Optional<X509Certificate> serveOnce(SSLServerSocket listener) {
        try (SSLSocket socket = (SSLSocket) listener.accept()) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.startHandshake();
            Optional<X509Certificate> clientCertificate = Optional.empty();
            if (listener.getNeedClientAuth()) {
                Certificate[] peer = socket.getSession().getPeerCertificates();
                clientCertificate = Optional.of((X509Certificate) peer[0]);
            }
            socket.getOutputStream().write(1);
            socket.getOutputStream().flush();
            return clientCertificate;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
