package dev.confab.localcloud;

import dev.confab.shared.crypto.Tokens;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.TlsMaterial;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Uploads a configuration file to a Conferencing Node's page on port 8443 as {@code curl -F file=@…}
 * does (multipart/form-data), trusting exactly the node's self-signed certificate. Thread-safe.
 */
public final class NodeUploadClient {

    /** The node's answer: HTTP status and body (JSON). */
    public record Answer(int status, String body) {
    }

    private final HttpClient http;
    private final String url;

    /** A client for {@code https://address:port/}, trusting the certificate in {@code certificate} (PEM). */
    public NodeUploadClient(String address, int port, Path certificate) throws IOException {
        this.http = HttpClient.newBuilder()
                .sslContext(TlsMaterial.clientContext(Pem.readCertificates(Files.readString(certificate)).get(0), null))
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.url = "https://" + address + ":" + port + "/upload";
    }

    public Answer upload(String fileName, byte[] content) throws IOException, InterruptedException {
        String boundary = "confab-" + Tokens.random(12);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName.replace("\"", "") + "\"\r\nContent-Type: application/xml\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
