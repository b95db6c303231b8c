package dev.confab.conferencing.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * First boot without a person: reads the instance's user data from the EC2 instance metadata service
 * with the IMDSv2 token flow ({@code PUT latest/api/token}, then {@code GET latest/user-data} with
 * the token) and returns the configuration file when the user data is
 * {@code {"conferencing_node_config": "<file>"}}.
 */
public final class FirstBoot {

    private static final Logger LOG = LoggerFactory.getLogger(FirstBoot.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public FirstBoot(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The file in the user data; empty when there is no user data or it holds no node configuration. */
    public Optional<byte[]> configurationFile() throws IOException, InterruptedException {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/latest/api/token"))
                .timeout(TIMEOUT).header("X-aws-ec2-metadata-token-ttl-seconds", "300")
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IOException("the metadata service refused a metadata token (HTTP " + token.statusCode() + ")");
        }
        HttpResponse<String> userData = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/latest/user-data"))
                .timeout(TIMEOUT).header("X-aws-ec2-metadata-token", token.body().strip()).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (userData.statusCode() == 404) {
            return Optional.empty();
        }
        if (userData.statusCode() != 200) {
            throw new IOException("the metadata service answered HTTP " + userData.statusCode() + " for user data");
        }
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(userData.body());
        } catch (IOException e) {
            LOG.info("The user data is not JSON; waiting for an upload on port 8443");
            return Optional.empty();
        }
        JsonNode file = json == null ? null : json.get("conferencing_node_config");
        if (file == null || !file.isTextual()) {
            LOG.info("The user data holds no conferencing_node_config; waiting for an upload on port 8443");
            return Optional.empty();
        }
        return Optional.of(file.asText().getBytes(StandardCharsets.UTF_8));
    }
}
