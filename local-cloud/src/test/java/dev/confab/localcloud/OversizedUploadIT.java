package dev.confab.localcloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.conferencing.ConferencingAgent;
import dev.confab.conferencing.ConferencingConfig;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.TlsMaterial;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uploads far over the 8 MiB the page of an unconfigured node accepts, streamed over real HTTPS as a
 * script or a browser sends them: each is answered 413 with the page's own message (JSON for scripts,
 * the page for a browser), and the node stays unconfigured.
 */
@Timeout(60)
class OversizedUploadIT {

    static final String ADDRESS = "127.0.1.61";
    static final String BOUNDARY = "confab-oversized-upload";
    static final long MIB = 1024 * 1024;

    @TempDir
    static Path dir;
    static final AtomicInteger restarts = new AtomicInteger();
    static ConferencingAgent agent;
    static HttpClient http;

    @BeforeAll
    static void startUnconfiguredNode() throws Exception {
        agent = ConferencingAgent.create(ConferencingConfig.defaults(dir.resolve("node"),
                Files.createDirectories(dir.resolve("root")), ADDRESS).withProvisioningPort(0),
                restarts::incrementAndGet).start();
        http = HttpClient.newBuilder().sslContext(TlsMaterial.clientContext(Pem.readCertificates(
                Files.readString(agent.data().provisioningCertificate())).get(0), null))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopNode() {
        agent.stop();
    }

    @Test
    void answers413ToAFiftyMegabyteUploadThatSaysItsLength() throws Exception {
        HttpResponse<String> answer = upload(multipart(50_000_000), "application/json");

        assertTooLarge(answer);
        String error = new ObjectMapper().readTree(answer.body()).get("error").asText();
        assertTrue(error.startsWith("The upload is larger than 8 MiB, the most this page accepts."), error);
    }

    @Test
    void answers413ToAChunkedUploadOverTheLimitOnceItHasReadTheLimit() throws Exception {
        HttpResponse<String> answer = upload(HttpRequest.BodyPublishers.ofInputStream(body(9 * MIB)),
                "application/json");

        assertTooLarge(answer);
    }

    @Test
    void answers413WithThePageToABrowser() throws Exception {
        HttpResponse<String> answer = upload(multipart(9 * MIB),
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        assertTooLarge(answer);
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), answer.headers()
                .toString());
        assertTrue(answer.body().contains("<p id=\"error\" class=\"error\" role=\"alert\">The upload is larger than"
                + " 8 MiB"), answer.body());
        assertTrue(answer.body().contains("<form method=\"post\" action=\"/upload\""), "the form stays for the next try");
    }

    private static void assertTooLarge(HttpResponse<String> answer) {
        assertEquals(413, answer.statusCode(), answer.body());
        // the rest of the body may be unread: a client must not send its next request on this connection
        assertEquals("close", answer.headers().firstValue("Connection").orElse(""), answer.headers().toString());
        assertTrue(answer.body().contains("far smaller"), answer.body());
        assertFalse(agent.isConfigured(), "the node stays unconfigured");
        assertEquals(0, restarts.get(), "the node does not restart");
    }

    private static HttpResponse<String> upload(HttpRequest.BodyPublisher body, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("https://" + ADDRESS + ":" + agent.provisioningPort()
                        + "/upload")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("Accept", accept)
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart body with a file of {@code fileBytes} spaces, streamed, with its length declared. */
    private static HttpRequest.BodyPublisher multipart(long fileBytes) {
        long length = head().length + fileBytes + tail().length;
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body(fileBytes)),
                length);
    }

    private static Supplier<InputStream> body(long fileBytes) {
        return () -> new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(head()), new Spaces(fileBytes), new ByteArrayInputStream(tail()))));
    }

    private static byte[] head() {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"large.xml\"\r\n"
                + "Content-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] tail() {
        return ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code remaining} spaces, made as they are read. */
    private static final class Spaces extends InputStream {
        private long remaining;

        Spaces(long remaining) {
            this.remaining = remaining;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            return ' ';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            Arrays.fill(buffer, offset, offset + n, (byte) ' ');
            remaining -= n;
            return n;
        }
    }
}
