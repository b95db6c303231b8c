package dev.confab.bench.channel;

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
import java.util.Base64;

/** The few management API calls the simulator makes, over HTTPS trusting the Management Node's own certificate. */
final class AdminApi {

    private final HttpClient http;
    private final String base;
    private final String authorization;
    private final ObjectMapper json = new ObjectMapper();

    AdminApi(String base, Path certificate, String user, String password) throws IOException {
        this.http = HttpClient.newBuilder().sslContext(TlsMaterial.clientContext(
                Pem.readCertificates(Files.readString(certificate)).get(0), null)).build();
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return json.readTree(send("GET", path, null, "application/json", 200));
    }

    JsonNode post(String path, Object body) throws IOException, InterruptedException {
        return json.readTree(send("POST", path, body, "application/json", 201));
    }

    /** POSTs a generic node and returns its configuration file. */
    byte[] postForFile(String path, Object body) throws IOException, InterruptedException {
        return send("POST", path, body, "application/xml", 201);
    }

    JsonNode patch(String path, Object body) throws IOException, InterruptedException {
        return json.readTree(send("PATCH", path, body, "application/json", 200));
    }

    private byte[] send(String method, String path, Object body, String accept, int expected)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization).header("Accept", accept)
                .header("Content-Type", "application/json").method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + path + ": HTTP " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }
}
