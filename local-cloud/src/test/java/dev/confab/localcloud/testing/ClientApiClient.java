package dev.confab.localcloud.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.TlsMaterial;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A caller of Conferencing Nodes' client API, as a client application would be: HTTPS trusting
 * only the platform's CA (read from an enrolled node's data directory), checking that each node's
 * certificate names the address called. Thread-safe.
 */
public final class ClientApiClient {

    /** An answer: the HTTP status and the JSON body ({@code status}, {@code result}). */
    public record Answer(int status, JsonNode body) {
        public JsonNode result() {
            return body.get("result");
        }

        public boolean success() {
            return status == 200 && "success".equals(body.path("status").asText());
        }

        public String token() {
            return result().get("token").asText();
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final Duration timeout;

    /** A client whose requests wait up to {@code timeout} for an answer. */
    public ClientApiClient(Path caCertificate, Duration timeout) throws Exception {
        this.timeout = timeout;
        http = HttpClient.newBuilder().sslContext(TlsMaterial.clientContext(
                Pem.readCertificates(Files.readString(caCertificate)).get(0), null))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Answer requestToken(ChannelPlatform.Node node, String alias, String displayName, String callType,
                               String pin) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("display_name", displayName);
        if (callType != null) {
            body.put("call_type", callType);
        }
        return post(node, alias, "request_token", json.writeValueAsString(body), pin == null ? Map.of()
                : Map.of("pin", pin));
    }

    public Answer refreshToken(ChannelPlatform.Node node, String alias, String token) throws Exception {
        return post(node, alias, "refresh_token", "", Map.of("token", token));
    }

    public Answer releaseToken(ChannelPlatform.Node node, String alias, String token) throws Exception {
        return post(node, alias, "release_token", "", Map.of("token", token));
    }

    public Answer participants(ChannelPlatform.Node node, String alias, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(node, alias, "participants"))
                .timeout(timeout).header("token", token).GET();
        return send(request.build());
    }

    /** Sends {@code body} as it is to {@code operation}, with {@code headers}. */
    public Answer post(ChannelPlatform.Node node, String alias, String operation, String body,
                       Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(node, alias, operation))
                .timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    private static URI uri(ChannelPlatform.Node node, String alias, String operation) {
        return URI.create("https://" + node.address + ":" + node.clientApiPort + "/api/client/v2/conferences/"
                + URLEncoder.encode(alias, StandardCharsets.UTF_8).replace("+", "%20") + "/" + operation);
    }

    private Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isBlank() ? json.nullNode()
                : json.readTree(response.body()));
    }
}
