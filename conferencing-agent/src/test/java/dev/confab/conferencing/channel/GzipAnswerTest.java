package dev.confab.conferencing.channel;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The node reads configuration answers sent gzipped or as they are, and says so when it cannot. */
class GzipAnswerTest {

    private static final byte[] JSON = "{\"revision\":7,\"snapshot\":false}".getBytes(StandardCharsets.UTF_8);

    @Test
    void unzipsAGzipAnswer() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
            out.write(JSON);
        }
        assertArrayEquals(JSON, ChannelClient.decoded(response(zipped.toByteArray(), "gzip")));
    }

    @Test
    void takesAnAnswerWithoutEncodingAsItIs() throws IOException {
        assertArrayEquals(JSON, ChannelClient.decoded(response(JSON, null)));
        assertArrayEquals(JSON, ChannelClient.decoded(response(JSON, "identity")));
    }

    @Test
    void refusesACorruptOrUnknownEncodingWithAReason() {
        IOException corrupt = assertThrows(IOException.class, () -> ChannelClient.decoded(response(JSON, "gzip")));
        assertTrue(corrupt.getMessage().contains("gzip answer is corrupt"), corrupt.getMessage());
        IOException unknown = assertThrows(IOException.class, () -> ChannelClient.decoded(response(JSON, "br")));
        assertTrue(unknown.getMessage().contains("Content-Encoding br"), unknown.getMessage());
    }

    private static HttpResponse<byte[]> response(byte[] body, String encoding) {
        HttpHeaders headers = HttpHeaders.of(encoding == null ? Map.of() : Map.of("Content-Encoding", List.of(encoding)),
                (name, value) -> true);
        return new HttpResponse<>() {
            public int statusCode() {
                return 200;
            }

            public HttpRequest request() {
                return HttpRequest.newBuilder(URI.create("https://127.0.0.1:8443/node/v1/config")).build();
            }

            public Optional<HttpResponse<byte[]>> previousResponse() {
                return Optional.empty();
            }

            public HttpHeaders headers() {
                return headers;
            }

            public byte[] body() {
                return body;
            }

            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            public URI uri() {
                return request().uri();
            }

            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}
