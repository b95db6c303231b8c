package dev.confab.installer.unattended;

import dev.confab.installer.InstallerException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the instance's user data from the EC2 instance metadata service with IMDSv2: a session
 * token from {@code PUT /latest/api/token}, then {@code GET /latest/user-data} with that token.
 * Thread-safe.
 */
public final class UserDataClient {

    /** The metadata service of every EC2 instance. */
    public static final URI DEFAULT_BASE = URI.create("http://169.254.169.254/");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public UserDataClient(URI base) {
        this.base = base;
    }

    /**
     * The user data, or empty when the instance has none (404); {@link NoMetadataServiceException}
     * when nothing answers at the service's address.
     */
    public Optional<String> userData() {
        try {
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(base.resolve("/latest/api/token"))
                    .timeout(TIMEOUT).header("X-aws-ec2-metadata-token-ttl-seconds", "300")
                    .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (token.statusCode() != 200) {
                throw new InstallerException("The instance metadata service at " + base + " refused a session token"
                        + " (HTTP " + token.statusCode() + ").");
            }
            HttpResponse<String> data = http.send(HttpRequest.newBuilder(base.resolve("/latest/user-data"))
                    .timeout(TIMEOUT).header("X-aws-ec2-metadata-token", token.body().strip()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (data.statusCode() == 404) {
                return Optional.empty();
            }
            if (data.statusCode() != 200) {
                throw new InstallerException("The instance metadata service at " + base + " answered HTTP "
                        + data.statusCode() + " for the user data.");
            }
            return Optional.of(data.body());
        } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
            throw new NoMetadataServiceException("No instance metadata service answers at " + base + " (" + e
                    + "): not an EC2 instance, or its metadata service is disabled.", e);
        } catch (IOException e) {
            throw new InstallerException("Cannot read the user data from the instance metadata service at " + base
                    + ": " + e + ". Is the metadata service enabled for this instance?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstallerException("Interrupted while reading the user data.", e);
        }
    }
}
