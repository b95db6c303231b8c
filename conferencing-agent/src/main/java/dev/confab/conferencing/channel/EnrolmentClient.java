package dev.confab.conferencing.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.conferencing.ConferencingException;
import dev.confab.shared.pki.TlsMaterial;
import dev.confab.shared.wire.EnrolRequest;
import dev.confab.shared.wire.EnrolResponse;
import dev.confab.shared.wire.NodeChannel;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Enrols with the Management Node over TLS that trusts only the CA whose fingerprint the
 * configuration file names. A refusal throws {@link ConferencingException}; an enrolment left
 * undecided (no connection, a failed exchange, HTTP 5xx) throws {@link EnrolmentUnansweredException}.
 * Stateless and thread-safe.
 */
public final class EnrolmentClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final ObjectMapper json = NodeChannel.json();

    public EnrolResponse enrol(String address, int port, String caFingerprint, EnrolRequest request) {
        String where = address + ":" + port;
        HttpClient client = HttpClient.newBuilder().sslContext(TlsMaterial.pinnedClientContext(caFingerprint))
                .connectTimeout(TIMEOUT).build();
        HttpResponse<String> response;
        try {
            String host = address.contains(":") ? "[" + address + "]" : address;
            response = client.send(HttpRequest.newBuilder(URI.create("https://" + host + ":" + port + NodeChannel.ENROL))
                    .timeout(TIMEOUT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (SSLException e) {
            throw new ConferencingException("The Management Node at " + where + " did not prove it holds the"
                    + " certificate authority with fingerprint " + caFingerprint + " named in the file: the file was"
                    + " altered, or another server answers there. Nothing was changed on this node.", e);
        } catch (ConnectException e) {
            throw new EnrolmentUnansweredException("The Management Node at " + where + " cannot be reached ("
                    + e.getMessage() + "). Check the network and that the node channel port is open, then upload the"
                    + " file again.", e);
        } catch (IOException e) {
            throw new EnrolmentUnansweredException("Enrolling with the Management Node at " + where + " failed: " + e
                    + ". Check the network, then upload the file again.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConferencingException("Enrolment was interrupted; upload the file again.", e);
        }
        return answer(response, where);
    }

    private EnrolResponse answer(HttpResponse<String> response, String where) {
        try {
            if (response.statusCode() == 200) {
                return json.readValue(response.body(), EnrolResponse.class);
            }
            if (response.statusCode() >= 500) {
                throw new EnrolmentUnansweredException("The Management Node at " + where + " failed to answer the"
                        + " enrolment (HTTP " + response.statusCode() + "); try again later.", null);
            }
            JsonNode error = json.readTree(response.body());
            String message = error.hasNonNull("error") ? error.get("error").asText() : response.body();
            throw new ConferencingException("The Management Node refused the enrolment: " + message);
        } catch (IOException e) {
            throw new ConferencingException("The Management Node at " + where + " answered HTTP "
                    + response.statusCode() + " with a body that is not the node channel's JSON.", e);
        }
    }
}
