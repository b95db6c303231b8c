package dev.confab.management.api;

import dev.confab.management.testing.Fixtures;
import dev.confab.management.testing.RunningNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.confab.management.testing.Fixtures.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another site's page cannot write through the API with the Basic credentials a browser keeps:
 * writes take only JSON, and requests a browser marks as cross-site are refused. Scripts, which send
 * no such marks, and pages of this site keep working.
 */
@Timeout(60)
class CrossSiteWriteIT {

    private static final String LOCATIONS = CONFIG + "system_location/";

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void refusesAJsonBodySentAsPlainTextOrAsAForm() throws Exception {
        for (String type : new String[] {"text/plain", "text/plain; charset=utf-8",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp",
                "application/json-seq", "text/json"}) {
            HttpResponse<String> answer = send("POST", LOCATIONS, "{\"name\": \"Forged\"}", Map.of("Content-Type", type));
            assertEquals(415, answer.statusCode(), type);
            JsonNode error = json.readTree(answer.body());
            assertTrue(error.get("error").asText().contains("application/json"), answer.body());
            assertTrue(error.has("fields"), answer.body());
        }
        HttpResponse<String> noType = send("PATCH", LOCATIONS + "1/", "{\"name\": \"Forged\"}", Map.of());
        assertEquals(415, noType.statusCode(), "a body without a content type");
        assertEquals(0, count("Forged"));
    }

    @Test
    void acceptsJsonWithOrWithoutACharset() throws Exception {
        assertEquals(201, send("POST", LOCATIONS, "{\"name\": \"Plain JSON\"}",
                Map.of("Content-Type", "application/json")).statusCode());
        assertEquals(201, send("POST", LOCATIONS, "{\"name\": \"With charset\"}",
                Map.of("Content-Type", "Application/JSON; charset=UTF-8")).statusCode());
        HttpResponse<String> noBody = send("POST", "/api/admin/command/v1/platform/revoke_api_token/", null, Map.of());
        assertEquals(400, noBody.statusCode(), "a request without a body needs no content type: " + noBody.body());
        assertTrue(noBody.body().contains("name"), noBody.body());
    }

    @Test
    void refusesARequestFromAnotherSitesPage() throws Exception {
        String self = "https://127.0.0.1:" + node.agent().httpsPort();
        for (Map<String, String> marks : List.of(
                Map.of("Origin", "https://evil.example"),
                Map.of("Origin", "https://127.0.0.1:1"),
                Map.of("Origin", "null"),
                Map.of("Sec-Fetch-Site", "cross-site"),
                Map.of("Sec-Fetch-Site", "same-site"),
                Map.of("Origin", self, "Sec-Fetch-Site", "cross-site"))) {
            Map<String, String> headers = new LinkedHashMap<>(marks);
            headers.put("Content-Type", "application/json");
            HttpResponse<String> answer = send("POST", LOCATIONS, "{\"name\": \"Cross site\"}", headers);
            assertEquals(403, answer.statusCode(), marks.toString());
            assertTrue(json.readTree(answer.body()).get("error").asText().contains("another site"), answer.body());
            assertEquals(403, send("GET", LOCATIONS, null, marks).statusCode(), "reads too: " + marks);
        }
        assertEquals(0, count("Cross site"));
    }

    @Test
    void acceptsThisSitesOwnPagesAndScripts() throws Exception {
        String self = "https://127.0.0.1:" + node.agent().httpsPort();
        assertEquals(201, send("POST", LOCATIONS, "{\"name\": \"Same origin\"}", Map.of("Content-Type",
                "application/json", "Origin", self, "Sec-Fetch-Site", "same-origin")).statusCode());
        assertEquals(200, send("GET", LOCATIONS, null, Map.of("Sec-Fetch-Site", "none")).statusCode(),
                "an address typed into the browser");
        assertEquals(201, node.post(LOCATIONS, Fixtures.location("Script")).status(), "a script sends no marks");
    }

    private long count(String name) {
        return node.get(LOCATIONS + "?name=" + name.replace(" ", "%20")).body().get("meta").get("total_count").asLong();
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path))
                .header("Authorization", RunningNode.basic(RunningNode.USER, RunningNode.PASSWORD))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return node.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
