package dev.confab.management.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.ManagementAgent;
import dev.confab.management.ManagementConfig;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.TlsMaterial;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A real Management Node on 127.0.0.1, port 0, with its own SQLite file in a temporary directory,
 * and an HTTPS client that trusts exactly its self-signed certificate. Register it as a static
 * extension field: it starts before the class's tests and stops after them.
 */
public final class RunningNode implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    public static final String USER = "admin";
    public static final String PASSWORD = "correct horse battery staple";

    public record Response(int status, JsonNode body, HttpResponse<String> raw) {
        public String text() {
            return raw.body();
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final java.time.Clock clock;
    private final java.util.function.UnaryOperator<ManagementConfig> settings;
    private ManagementAgent agent;
    private Path data;
    private HttpClient http;

    public RunningNode() {
        this(java.time.Clock.systemUTC());
    }

    /** A node whose time is {@code clock}'s, so tests can move past expiry dates. */
    public RunningNode(java.time.Clock clock) {
        this(clock, java.util.function.UnaryOperator.identity());
    }

    /** A node whose settings are the test defaults changed by {@code settings}. */
    public RunningNode(java.util.function.UnaryOperator<ManagementConfig> settings) {
        this(java.time.Clock.systemUTC(), settings);
    }

    private RunningNode(java.time.Clock clock, java.util.function.UnaryOperator<ManagementConfig> settings) {
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        data = Files.createTempDirectory("confab-mgmt-");
        agent = ManagementAgent.create(settings.apply(ManagementConfig.defaults(data)
                .withBind("127.0.0.1", 0, 0).withInitialAdmin(USER, PASSWORD.toCharArray()).withClock(clock))).start();
        String certificate = Files.readString(data.resolve("pki/https-selfsigned.crt"));
        http = HttpClient.newBuilder()
                .sslContext(TlsMaterial.clientContext(Pem.readCertificates(certificate).get(0), null))
                .build();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public ManagementAgent agent() {
        return agent;
    }

    public Path data() {
        return data;
    }

    /** The HTTPS client that trusts this node's certificate and follows no redirects. */
    public HttpClient client() {
        return http;
    }

    public URI uri(String path) {
        return URI.create("https://127.0.0.1:" + agent.httpsPort() + path);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Response get(String path) {
        return send("GET", path, null, basic(USER, PASSWORD));
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, basic(USER, PASSWORD));
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body, basic(USER, PASSWORD));
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, basic(USER, PASSWORD));
    }

    public Response delete(String path) {
        return send("DELETE", path, null, basic(USER, PASSWORD));
    }

    /** Sends {@code body} as it is, with {@code contentType}, authenticated as the administrator. */
    public Response sendBytes(String method, String path, byte[] body, String contentType) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Authorization", basic(USER, PASSWORD))
                    .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), parsed(response.body()), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parsed(String body) throws IOException {
        String text = body.trim();
        return text.isEmpty() || !text.startsWith("{") && !text.startsWith("[") ? json.nullNode() : json.readTree(text);
    }

    /** Sends a request; {@code body} may be a JSON-able object, a raw String, or null. */
    public Response send(String method, String path, Object body, String authorization) {
        return send(method, path, body, authorization, null);
    }

    /** As {@link #send(String, String, Object, String)}, with an Accept header when {@code accept} is given. */
    public Response send(String method, String path, Object body, String authorization, String accept) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
            if (accept != null) {
                request.header("Accept", accept);
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            String text = body == null ? null : body instanceof String raw ? raw : json.writeValueAsString(body);
            request.method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(text));
            if (text != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), parsed(response.body()), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The newest administrator-log line matching {@code query} (e.g. {@code action=login_failed})
     * whose details contain {@code details}, waiting up to 10 s for it: summaries of failed attempts
     * are written by a task that runs every second.
     */
    public JsonNode awaitAdminLog(String query, String details) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonNode objects;
        do {
            objects = get("/api/admin/history/v1/admin_log/?" + query).body().get("objects");
            for (JsonNode entry : objects) {
                if (entry.get("details").asText().contains(details)) {
                    return entry;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no administrator-log line with \"" + details + "\" for " + query + ": " + objects);
    }

    @Override
    public void close() {
        if (agent != null) {
            agent.stop();
        }
    }
}
