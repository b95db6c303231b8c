package dev.confab.installer.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * A real UDP server on a loopback address for tests: answers each datagram with what the handler
 * returns, or stays silent when it returns empty. {@link #ntp}, {@link #dns} and {@link #silent}
 * build the usual ones.
 */
public final class UdpResponder implements AutoCloseable {

    private final DatagramSocket socket;
    private final Thread loop;

    private UdpResponder(String address, int port, Function<byte[], Optional<byte[]>> handler) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), port));
        loop = new Thread(() -> serve(handler), "udp-responder-" + address + ":" + socket.getLocalPort());
        loop.setDaemon(true);
        loop.start();
    }

    /** An SNTP server (stratum 2) that answers client requests as a real one does. */
    public static UdpResponder ntp(String address, int port) throws IOException {
        return new UdpResponder(address, port, request -> {
            if (request.length < 48 || (request[0] & 7) != 3) {
                return Optional.empty();
            }
            long seconds = System.currentTimeMillis() / 1000 + 2_208_988_800L;
            ByteBuffer reply = ByteBuffer.allocate(48).put((byte) 0x24).put((byte) 2).put((byte) 6).put((byte) -20);
            reply.position(24).put(request, 40, 8).putInt((int) seconds).putInt(0).putInt((int) seconds).putInt(1);
            return Optional.of(reply.array());
        });
    }

    /** A DNS server that answers every query with NOERROR and no records. */
    public static UdpResponder dns(String address, int port) throws IOException {
        return new UdpResponder(address, port, request -> {
            if (request.length < 12) {
                return Optional.empty();
            }
            byte[] reply = Arrays.copyOf(request, request.length);
            reply[2] = (byte) (0x80 | (request[2] & 0x01));
            reply[3] = (byte) 0x80;
            return Optional.of(reply);
        });
    }

    /** Receives and never answers: a server behind a firewall that drops replies. */
    public static UdpResponder silent(String address, int port) throws IOException {
        return new UdpResponder(address, port, request -> Optional.empty());
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve(Function<byte[], Optional<byte[]>> handler) {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                Optional<byte[]> reply = handler.apply(Arrays.copyOf(packet.getData(), packet.getLength()));
                if (reply.isPresent()) {
                    socket.send(new DatagramPacket(reply.get(), reply.get().length, packet.getSocketAddress()));
                }
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
