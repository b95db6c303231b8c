package dev.confab.conferencing.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.TlsMaterial;
import dev.confab.shared.wire.ConfigUpdate;
import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.HeartbeatAnswer;
import dev.confab.shared.wire.NodeChannel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;

/**
 * The node's side of the node channel after enrolment: mutual TLS with the node's key and
 * certificate, trusting only the Management Node's CA (and checking that its certificate names the
 * address called). Thread-safe; one HTTP client, one connection per concurrent call.
 */
public final class ChannelClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final String base;
    private final ObjectMapper json = NodeChannel.json();

    public ChannelClient(String address, int port, X509Certificate ca, IssuedCertificate identity) {
        this.http = HttpClient.newBuilder().sslContext(TlsMaterial.clientContext(ca, identity))
                .connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
        String host = address.contains(":") ? "[" + address + "]" : address;
        this.base = "https://" + host + ":" + port;
    }

    /** Sends a heartbeat; throws {@link NodeUnknownException} when the node is refused. */
    public HeartbeatAnswer heartbeat(Heartbeat heartbeat) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + NodeChannel.HEARTBEAT)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(heartbeat))).build();
        return json.readValue(send(request), HeartbeatAnswer.class);
    }

    /** Asks for what changed after {@code since} (negative: everything), waiting up to {@code wait} for a change. */
    public ConfigUpdate poll(long since, Duration wait) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + NodeChannel.CONFIG + "?" + NodeChannel.SINCE
                + "=" + since)).timeout(wait.plus(REQUEST_TIMEOUT)).GET().build();
        return json.readValue(send(request), ConfigUpdate.class);
    }

    private byte[] send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new NodeUnknownException("The Management Node refused this node: " + error(response.body()));
        }
        if (response.statusCode() != 200) {
            throw new IOException("The Management Node answered HTTP " + response.statusCode() + ": "
                    + error(response.body()));
        }
        return response.body();
    }

    private String error(byte[] body) {
        try {
            JsonNode error = json.readTree(body);
            return error.hasNonNull("error") ? error.get("error").asText() : new String(body);
        } catch (IOException e) {
            return new String(body);
        }
    }
}
