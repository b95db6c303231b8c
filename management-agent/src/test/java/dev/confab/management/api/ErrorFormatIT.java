package dev.confab.management.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.testing.Fixtures;
import dev.confab.management.testing.RunningNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static dev.confab.management.testing.Fixtures.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every refusal of the management API, whoever makes it (a route, Javalin's router or Jetty's HTTP
 * parser), is the documented JSON error {@code {"error": "…", "fields": {…}}}, never an HTML page or
 * plain text.
 */
@Timeout(60)
class ErrorFormatIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    /** The status, a JSON content type, and an error that says {@code part}. */
    private static JsonNode assertJsonError(int status, int actual, String contentType, String body, String part)
            throws IOException {
        assertEquals(status, actual, body);
        assertTrue(contentType.startsWith("application/json"), "a JSON answer, not " + contentType + ": " + body);
        JsonNode error = JSON.readTree(body);
        assertTrue(error.get("error").isTextual(), body);
        assertTrue(error.get("fields").isObject(), body);
        assertTrue(error.get("error").asText().contains(part), "expected '" + part + "' in " + body);
        assertFalse(body.toLowerCase(Locale.ROOT).contains("jetty"), body);
        return error;
    }

    private static JsonNode assertJsonError(int status, RunningNode.Response answer, String part) throws IOException {
        return assertJsonError(status, answer.status(), answer.raw().headers().firstValue("Content-Type").orElse(""),
                answer.text(), part);
    }

    private static RunningNode.Response send(String method, String path) {
        String body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH") ? "{}" : null;
        return node.send(method, path, body, RunningNode.basic(RunningNode.USER, RunningNode.PASSWORD));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/", "/api/admin/", "/api/admin/foo/", "/api/admin/configuration/v2/",
            "/api/admin/configuration/v1/worker_vm/1/extra/", "/api/admin/command/v1/platform/reboot_everything/"})
    void answersAnUnknownPathUnderTheApiWith404AndWhereTheApiIs(String path) throws IOException {
        JsonNode error = assertJsonError(404, send("GET", path), "There is no " + path);
        assertTrue(error.get("error").asText().contains("/api/admin/configuration/v1/"), error.toString());
    }

    @Test
    void answersAnUnknownResourceOrObjectWith404() throws IOException {
        assertJsonError(404, send("GET", CONFIG + "no_such_resource/"), "no resource no_such_resource");
        assertJsonError(404, send("GET", CONFIG + "system_location/424242/"), "id 424242");
        assertJsonError(404, send("PATCH", CONFIG + "system_location/424242/"), "id 424242");
        assertJsonError(404, send("GET", "/api/admin/nonsense/v1/"), "There is no /api/admin/nonsense/v1/");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "DELETE, /api/admin/configuration/v1/global/1/, 'GET, PUT, PATCH'",
            "POST, /api/admin/configuration/v1/global/, GET",
            "POST, /api/admin/configuration/v1/system_location/1/, 'GET, PUT, PATCH, DELETE'",
            "OPTIONS, /api/admin/configuration/v1/system_location/1/, 'GET, PUT, PATCH, DELETE'",
            "PUT, /api/admin/configuration/v1/system_location/, 'GET, POST, PATCH, DELETE'",
            "POST, /api/admin/configuration/v1/, GET",
            "POST, /api/admin/configuration/v1/worker_vm/schema/, GET",
            "DELETE, /api/admin/status/v1/worker_vm/, GET",
            "PATCH, /api/admin/status/v1/alarm/1/, GET",
            "DELETE, /api/admin/history/v1/admin_log/1/, GET",
            "GET, /api/admin/command/v1/platform/create_api_token/, POST"})
    void answersAMethodTheUriDoesNotTakeWith405AndTheAllowedOnes(String method, String path, String allowed)
            throws IOException {
        RunningNode.Response answer = send(method, path);
        assertJsonError(405, answer, method + " is not allowed");
        assertEquals(allowed, answer.raw().headers().firstValue("Allow").orElse(""), answer.text());
    }

    @Test
    void answersAnOverLargeBodyWith413() throws IOException {
        String huge = "{\"name\": \"" + "x".repeat(JsonBody.MAX_BYTES + 1) + "\"}";
        assertJsonError(413, node.sendBytes("POST", CONFIG + "system_location/", huge.getBytes(StandardCharsets.UTF_8),
                "application/json"), "too large");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET", "PATCH", "DELETE"})
    void answersAnOverLongUriWith414(String method) throws Exception {
        String path = CONFIG + "system_location/?name__icontains=" + "x".repeat(JettyErrors.REQUEST_HEADER_BYTES + 10);
        HttpResponse<String> answer = node.client().send(request(path).method(method,
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertJsonError(414, answer.statusCode(), contentType(answer), answer.body(), "URI is too long");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET", "PUT"})
    void answersOverLargeHeadersWith431(String method) throws Exception {
        HttpRequest.Builder request = request(CONFIG + "system_location/")
                .header("X-Padding", "y".repeat(JettyErrors.REQUEST_HEADER_BYTES + 10));
        HttpResponse<String> answer = node.client().send(request.method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertJsonError(431, answer.statusCode(), contentType(answer), answer.body(), "headers are too large");
    }

    @Test
    void acceptsHeadersJustWithinTheLimit() throws Exception {
        HttpResponse<String> answer = node.client().send(request(CONFIG + "system_location/")
                .header("X-Padding", "y".repeat(JettyErrors.REQUEST_HEADER_BYTES / 2)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
    }

    @Test
    void answersARequestThatIsNotHttpWith400() throws Exception {
        String reply = raw("GET " + CONFIG + " HTTP/1.1\r\nHost: 127.0.0.1\r\nThis is no header\r\n\r\n");
        assertTrue(reply.startsWith("HTTP/1.1 400"), reply);
        String headers = reply.substring(0, reply.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
        assertTrue(headers.contains("content-type: application/json"), reply);
        String body = reply.substring(reply.indexOf("\r\n\r\n") + 4);
        assertJsonError(400, 400, "application/json", body, "not valid HTTP");
    }

    @Test
    void answersMissingCredentialsWith401() throws IOException {
        assertJsonError(401, node.send("GET", CONFIG + "system_location/", null, null), "");
    }

    @Test
    void answersAnInvalidWriteWith400NamingTheField() throws IOException {
        RunningNode.Response answer = node.post(CONFIG + "system_location/", Fixtures.location(""));
        assertJsonError(400, answer, "");
        assertEquals("This field is required.", answer.body().get("fields").get("name").asText());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(node.uri(path)).header("Authorization",
                RunningNode.basic(RunningNode.USER, RunningNode.PASSWORD));
    }

    private static String contentType(HttpResponse<?> answer) {
        return answer.headers().firstValue("Content-Type").orElse("");
    }

    /** Sends {@code request} as it is over TLS and reads the answer until the server closes the connection. */
    private static String raw(String request) throws Exception {
        try (SSLSocket socket = (SSLSocket) node.client().sslContext().getSocketFactory()
                .createSocket("127.0.0.1", node.agent().httpsPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
