package dev.confab.management.calls;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.TlsMaterial;
import dev.confab.shared.wire.Disconnect;
import dev.confab.shared.wire.NodeChannel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;

/**
 * The Management Node's calls to a Conferencing Node's node-to-node listener: mutual TLS with the
 * Management Node's own certificate from the platform's CA ({@link NodeChannel#MANAGEMENT_COMMON_NAME}),
 * trusting only that CA and checking that the node's certificate names the address called. Thread-safe.
 */
final class NodeCaller {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = NodeChannel.json();

    private final HttpClient http;

    NodeCaller(X509Certificate ca, IssuedCertificate identity) {
        this.http = HttpClient.newBuilder().sslContext(TlsMaterial.clientContext(ca, identity))
                .connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Asks the node at {@code address}:{@code port} to end calls; IOException when it does not. */
    Disconnect.Answer disconnect(String address, int port, Disconnect.Request request)
            throws IOException, InterruptedException {
        HttpRequest call = HttpRequest.newBuilder(URI.create("https://" + address + ":" + port + NodeChannel.DISCONNECT))
                .timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request))).build();
        HttpResponse<byte[]> response = http.send(call, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("the node answered HTTP " + response.statusCode());
        }
        return JSON.readValue(response.body(), Disconnect.Answer.class);
    }
}
