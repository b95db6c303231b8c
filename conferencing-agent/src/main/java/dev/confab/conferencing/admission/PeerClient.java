package dev.confab.conferencing.admission;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.TlsMaterial;
import dev.confab.shared.wire.NodeChannel;
import dev.confab.shared.wire.Reservation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Calls other Conferencing Nodes' node-to-node listeners: mutual TLS with this node's certificate,
 * trusting only the platform's CA and checking that the other node's certificate names the address
 * called. At most {@link #IN_FLIGHT} calls go to one node at once, so a burst of calls reuses a few
 * kept-alive connections instead of opening one each. Thread-safe.
 */
final class PeerClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = NodeChannel.json();

    /** Calls in flight to one node at once. */
    static final int IN_FLIGHT = 8;

    private final HttpClient http;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();

    PeerClient(X509Certificate ca, IssuedCertificate identity) {
        this.http = HttpClient.newBuilder().sslContext(TlsMaterial.clientContext(ca, identity))
                .connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Asks the node at {@code address}:{@code port} for a call's capacity; IOException when it does not answer yes or no. */
    Reservation.Answer reserve(String address, int port, Reservation.Request request)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = post(address, port, NodeChannel.RESERVE, JSON.writeValueAsBytes(request));
        if (response.statusCode() != 200) {
            throw new IOException("the node answered HTTP " + response.statusCode());
        }
        return JSON.readValue(response.body(), Reservation.Answer.class);
    }

    /** Gives reservations back to the node at {@code address}:{@code port}. */
    void release(String address, int port, Reservation.Release release) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = post(address, port, NodeChannel.RELEASE, JSON.writeValueAsBytes(release));
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the node answered HTTP " + response.statusCode());
        }
    }

    private HttpResponse<byte[]> post(String address, int port, String path, byte[] body)
            throws IOException, InterruptedException {
        String host = address.contains(":") ? "[" + address + "]" : address;
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://" + host + ":" + port + path))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        Semaphore node = permits.computeIfAbsent(host + ":" + port, key -> new Semaphore(IN_FLIGHT, true));
        node.acquire();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } finally {
            node.release();
        }
    }
}
