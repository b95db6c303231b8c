package dev.confab.installer.probe;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/** Sends one UDP datagram and waits for the reply that the predicate accepts. */
final class Udp {

    private Udp() {
    }

    /** The accepted reply's bytes, or empty when none came within {@code timeout}. */
    static Optional<byte[]> exchange(InetAddress server, int port, byte[] request, Duration timeout,
                                     Predicate<byte[]> accepts) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            // a connected socket is told (PortUnreachableException) when nothing listens there
            socket.connect(new InetSocketAddress(server, port));
            socket.send(new DatagramPacket(request, request.length));
            Instant deadline = Instant.now().plus(timeout);
            byte[] buffer = new byte[4096];
            while (true) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    return Optional.empty();
                }
                socket.setSoTimeout((int) Math.max(1, left));
                DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(reply);
                } catch (SocketTimeoutException e) {
                    return Optional.empty();
                }
                byte[] data = Arrays.copyOf(reply.getData(), reply.getLength());
                // a stale or malformed datagram is not the answer to this request
                if (accepts.test(data)) {
                    return Optional.of(data);
                }
            }
        }
    }
}
