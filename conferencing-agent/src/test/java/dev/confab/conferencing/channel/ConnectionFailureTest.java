package dev.confab.conferencing.channel;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertificateException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which failures of the HTTP client are failures of the connection, in the shapes the JDK's client throws them. */
class ConnectionFailureTest {

    private static <T extends Throwable> T causedBy(T failure, Throwable cause) {
        failure.initCause(cause);
        return failure;
    }

    @Test
    void noConnectionIsUnreachable() {
        // refused: the client wraps the channel's failure in two ConnectExceptions without a message
        assertEquals(ConnectionFailure.UNREACHABLE, ConnectionFailure.of(causedBy(new ConnectException(),
                causedBy(new ConnectException(), new ClosedChannelException()))));
        assertEquals(ConnectionFailure.UNREACHABLE, ConnectionFailure.of(new HttpConnectTimeoutException(
                "HTTP connect timed out")));
        assertEquals(ConnectionFailure.UNREACHABLE, ConnectionFailure.of(new ManagementUnreachableException(
                "cannot connect", new ConnectException())));
    }

    @Test
    void aConnectionThatFailsUnderTheCallIsLost() {
        // a kept-alive connection closed by the other end: end of stream where the answer should be
        assertEquals(ConnectionFailure.LOST, ConnectionFailure.of(causedBy(new IOException(
                "HTTP/1.1 header parser received no bytes"), causedBy(new IOException(
                "HTTP/1.1 header parser received no bytes"), new EOFException("EOF reached while reading")))));
        assertEquals(ConnectionFailure.LOST, ConnectionFailure.of(new SocketException("Connection reset")));
        assertEquals(ConnectionFailure.LOST, ConnectionFailure.of(causedBy(new IOException("closed"),
                new ClosedChannelException())));
        assertEquals(ConnectionFailure.LOST, ConnectionFailure.of(causedBy(new SSLHandshakeException(
                "Remote host terminated the handshake"), new EOFException("SSL peer shut down incorrectly"))));
    }

    @Test
    void anAnswerATimeoutOrATlsRefusalIsNoConnectionFailure() {
        assertEquals(ConnectionFailure.NONE, ConnectionFailure.of(new IOException(
                "The Management Node answered HTTP 503: busy")));
        assertEquals(ConnectionFailure.NONE, ConnectionFailure.of(new HttpTimeoutException("request timed out")));
        assertEquals(ConnectionFailure.NONE, ConnectionFailure.of(causedBy(new SSLHandshakeException(
                "PKIX path validation failed"), new CertificateException("not from the CA"))));
    }
}
