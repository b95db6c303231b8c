package dev.confab.localcloud.callgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The client API of Conferencing Nodes, asynchronously: {@code request_token}, {@code refresh_token}
 * and {@code release_token} of a conference alias on a node's base URL ({@code https://host:port}),
 * over HTTPS trusting the given context. Every answer of the API's form ({@code {"status": "success"
 * | "failed", "result": …}}) completes as an {@link Answer}, whatever its HTTP status; anything else
 * (no connection, a time-out, a body that is not such an answer) completes exceptionally with a
 * {@link ClientApiException}. Thread-safe.
 */
public final class ClientApiClient {

    /** How long one request may take before it counts as unanswered. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final String PATH = "/api/client/v2/conferences/";

    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /** A client trusting the servers {@code tls} trusts. */
    public ClientApiClient(SSLContext tls) {
        this.http = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A node's answer: HTTP status, whether it says success, and its {@code result}. */
    public record Answer(int status, boolean success, JsonNode result) {

        /** The text of a refusal's {@code result}. */
        public String message() {
            return result.isTextual() ? result.asText() : result.toString();
        }

        /** The reason of a refusal: "capacity exceeded" whatever detail follows it, else the node's message. */
        public String refusalReason() {
            String message = message().strip();
            if (status == 503 && message.toLowerCase(Locale.ROOT).startsWith("capacity exceeded")) {
                return "capacity exceeded";
            }
            return message.length() > 120 ? message.substring(0, 117) + "..." : message;
        }

        /** The field {@code name} of a successful result, or an exception naming what the node left out. */
        public String field(String name) {
            JsonNode value = result.get(name);
            if (value == null || value.isNull() || value.isContainerNode()) {
                throw new ClientApiException("The answer has no \"" + name + "\": " + result);
            }
            return value.asText();
        }
    }

    /** {@code request_token} for a call of {@code callType} named {@code displayName}; {@code pin} may be null. */
    public CompletableFuture<Answer> requestToken(String base, String alias, String displayName, String callType,
                                                  String pin) {
        ObjectNode body = json.createObjectNode().put("display_name", displayName).put("call_type", callType);
        HttpRequest.Builder request = post(base, alias, "request_token", body.toString());
        if (pin != null) {
            request.header("pin", pin);
        }
        return send(request);
    }

    /** {@code refresh_token}: the answer's {@code token} replaces {@code token}. */
    public CompletableFuture<Answer> refreshToken(String base, String alias, String token) {
        return send(post(base, alias, "refresh_token", "").header("token", token));
    }

    /** {@code release_token}: the call ends and its capacity is freed. */
    public CompletableFuture<Answer> releaseToken(String base, String alias, String token) {
        return send(post(base, alias, "release_token", "").header("token", token));
    }

    /** {@code base} + the API's path of {@code alias}, the alias encoded as one path segment. */
    static URI uri(String base, String alias, String operation) {
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return URI.create(trimmed + PATH + PathSegment.encode(alias) + "/" + operation);
    }

    private HttpRequest.Builder post(String base, String alias, String operation, String body) {
        return HttpRequest.newBuilder(uri(base, alias, operation)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private CompletableFuture<Answer> send(HttpRequest.Builder request) {
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new ClientApiException(describe(failure), failure);
                    }
                    return parse(response);
                });
    }

    private Answer parse(HttpResponse<String> response) {
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            throw new ClientApiException("HTTP " + response.statusCode() + " that is not JSON");
        }
        JsonNode status = body == null ? null : body.get("status");
        JsonNode result = body == null ? null : body.get("result");
        if (status == null || result == null || !(status.asText().equals("success") || status.asText().equals("failed"))) {
            throw new ClientApiException("HTTP " + response.statusCode() + " that is not a client API answer");
        }
        return new Answer(response.statusCode(), status.asText().equals("success"), result);
    }

    /** A short description of why a request got no answer: its kind, and its message where it has one. */
    static String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ClientApiException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ClientApiException) {
            return cause.getMessage();
        }
        String message = cause.getMessage();
        String kind = cause.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
