package dev.confab.conferencing.cloud;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The EC2 instance metadata service, the IMDSv2 way: a session token from {@code PUT
 * latest/api/token}, then each {@code GET} with the token. Only the paths a Conferencing Node needs.
 * Thread-safe.
 */
public final class InstanceMetadata {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** {@code baseUrl}: http://169.254.169.254 on EC2. */
    public InstanceMetadata(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The instance's user data; empty when it has none. */
    public Optional<String> userData() throws IOException, InterruptedException {
        return get("/latest/user-data", "user data");
    }

    /** The instance type, e.g. {@code c5.2xlarge}; empty when the service does not say. */
    public Optional<String> instanceType() throws IOException, InterruptedException {
        return get("/latest/meta-data/instance-type", "the instance type").map(String::strip)
                .filter(type -> !type.isEmpty());
    }

    private Optional<String> get(String path, String what) throws IOException, InterruptedException {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/latest/api/token"))
                .timeout(TIMEOUT).header("X-aws-ec2-metadata-token-ttl-seconds", "300")
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IOException("the metadata service refused a metadata token (HTTP " + token.statusCode() + ")");
        }
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT).header("X-aws-ec2-metadata-token", token.body().strip()).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        if (answer.statusCode() != 200) {
            throw new IOException("the metadata service answered HTTP " + answer.statusCode() + " for " + what);
        }
        return Optional.of(answer.body());
    }
}
