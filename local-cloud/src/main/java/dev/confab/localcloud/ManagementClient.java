package dev.confab.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.TlsMaterial;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * A management API client for the demo and tests: trusts exactly the Management Node's own HTTPS
 * certificate, authenticates with HTTP Basic. Thread-safe.
 */
public final class ManagementClient {

    private final HttpClient http;
    private final String baseUrl;
    private final String authorization;
    private final ObjectMapper json = new ObjectMapper();

    public ManagementClient(String baseUrl, Path certificate, String username, String password) throws IOException {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = HttpClient.newBuilder()
                .sslContext(TlsMaterial.clientContext(Pem.readCertificates(Files.readString(certificate)).get(0), null))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Waits until the Management Node answers an authenticated request, or fails with the tail of its
     * log when the process ends or the time runs out.
     */
    public static ManagementClient await(String baseUrl, Path certificate, String username, String password,
                                         Process process, Duration timeout, Path log) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Management Node stopped (exit " + process.exitValue()
                        + "). Its log ends with:\n" + tail(log));
            }
            if (Files.exists(certificate)) {
                try {
                    ManagementClient client = new ManagementClient(baseUrl, certificate, username, password);
                    client.get("/api/admin/configuration/v1/global/1/");
                    return client;
                } catch (IOException | RuntimeException e) {
                    last = e;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The Management Node did not answer within " + timeout.toSeconds()
                + " s (" + (last == null ? "no certificate yet" : last.getMessage()) + "). Its log ends with:\n" + tail(log));
    }

    /** The base URL of the Management Node, {@code https://<address>:<port>}. */
    public String baseUrl() {
        return baseUrl;
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), 200);
    }

    public JsonNode post(String path, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), 201);
    }

    /** POSTs {@code body} to a command ({@code /api/admin/command/v1/...}), which answers 200. */
    public JsonNode command(String path, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), 200);
    }

    public JsonNode patch(String path, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), 200);
    }

    public void delete(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE()
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204) {
            throw new IOException("HTTP " + response.statusCode() + " from " + response.uri() + ": " + response.body());
        }
    }

    /** A file the Management Node answered a POST with, as a generic node's configuration file. */
    public record Download(String fileName, byte[] content, String location) {
    }

    /** POSTs {@code body} and expects a 201 whose body is a file attachment. */
    public Download postForFile(String path, Object body) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .header("Accept", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 201) {
            throw new IOException("HTTP " + response.statusCode() + " from " + response.uri() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        String disposition = response.headers().firstValue("Content-Disposition").orElse("");
        String name = disposition.replaceFirst(".*filename=\"?([^\"]+)\"?.*", "$1");
        return new Download(name, response.body(), URI.create(response.headers().firstValue("Location")
                .orElse("")).getPath());
    }

    private JsonNode send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", authorization)
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException("HTTP " + response.statusCode() + " from " + response.uri() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
