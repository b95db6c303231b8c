package dev.confab.management.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.ManagementException;
import dev.confab.management.bursting.plan.PlatformReader;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What the command line reads from a Management Node's management API, over HTTPS with HTTP Basic:
 * every object of a resource (all pages), one object, and a command's answer. Failures say what went
 * wrong and what to check. Thread-safe.
 */
final class ManagementApiClient implements PlatformReader {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int PAGE = 500;

    private final HttpClient http;
    private final URI base;
    private final String authorization;
    private final ObjectMapper json = new ObjectMapper();

    ManagementApiClient(String url, Path caFile, String user, String password) {
        try {
            this.base = URI.create(url.endsWith("/") ? url : url + "/");
        } catch (IllegalArgumentException e) {
            throw new ManagementException("--url " + url + " is not a URL: give one such as https://10.0.0.10/.", e);
        }
        if (!"https".equals(base.getScheme())) {
            throw new ManagementException("--url " + url + " is not an https:// URL: the management API answers only"
                    + " over HTTPS.");
        }
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT);
        if (caFile != null) {
            try {
                builder.sslContext(TlsMaterial.clientContext(Pem.readCertificates(Files.readString(caFile)).get(0),
                        null));
            } catch (IOException | RuntimeException e) {
                throw new ManagementException("--ca-file " + caFile + " holds no PEM certificate to trust: "
                        + e.getMessage(), e);
            }
        }
        this.http = builder.build();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<JsonNode> all(String resource) {
        List<JsonNode> objects = new ArrayList<>();
        long total;
        do {
            JsonNode page = get(resource + "?limit=" + PAGE + "&offset=" + objects.size());
            page.get("objects").forEach(objects::add);
            total = page.get("meta").get("total_count").asLong();
            if (page.get("objects").isEmpty()) {
                break;
            }
        } while (objects.size() < total);
        return objects;
    }

    @Override
    public JsonNode get(String path) {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(api(path)).GET().header("Accept",
                "application/json"));
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new ManagementException("The Management Node answered " + path + " with something other than"
                    + " JSON: is --url its administrator interface?", e);
        }
    }

    /** POSTs {@code body} as JSON to the command at {@code path} and returns the answer's bytes. */
    byte[] post(String path, Map<String, Object> body) {
        try {
            return send(HttpRequest.newBuilder(api(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))).body();
        } catch (IOException e) {
            throw new ManagementException("The request to " + path + " could not be written: " + e.getMessage(), e);
        }
    }

    private URI api(String path) {
        return base.resolve("api/admin/" + path);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        HttpRequest built = request.header("Authorization", authorization).timeout(TIMEOUT).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ManagementException("The Management Node at " + base + " did not answer (" + e.getMessage()
                    + "): check --url, and --ca-file when it presents its self-signed certificate.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ManagementException("Interrupted while waiting for the Management Node.", e);
        }
        if (response.statusCode() == 401) {
            throw new ManagementException("The Management Node refused the credentials of the user given with --user:"
                    + " check the user and its password.");
        }
        if (response.statusCode() / 100 != 2) {
            throw new ManagementException("The Management Node answered " + built.method() + " " + built.uri().getPath()
                    + " with HTTP " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response;
    }
}
