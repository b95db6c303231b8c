package dev.confab.management.web;

import dev.confab.management.testing.RunningNode;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The administrator interface's forms refuse what the API refuses: bytes that are not UTF-8 (the
 * form decoding stands U+FFFD in for them, and U+FFFD is refused, never stored), control and
 * bidirectional characters, and addresses that are no node's.
 */
@Timeout(60)
class HostileFormIT {

    private static final String LOCATIONS_API = "/api/admin/configuration/v1/system_location/";

    @RegisterExtension
    static final RunningNode node = new RunningNode(settings -> settings.withLoopbackNodes(false));

    private final WebClient web = new WebClient(node);

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Bad%C3%28name, U+FFFD", "Bad%FFname, U+FFFD", "Bad%C0%AFname, U+FFFD", "Bad%ED%A0%80name, U+FFFD",
            "Bad%1B%5B31mname, U+001B", "Bad%00name, U+0000", "Bad%0Aname, U+000A", "Bad%E2%80%AEname, U+202E",
            "Bad%E2%81%A6name, U+2066", "Bad%C2%9Bname, U+009B"})
    void refusesALocationNameThatIsNotPrintableUtf8(String encodedName, String codePoint) {
        String session = web.login();
        String token = WebClient.csrf(web.get("/platform/locations/new", session).body());
        HttpResponse<String> answer = web.postRaw("/platform/locations/new", session,
                "_csrf=" + token + "&name=" + encodedName + "&mtu=1500");
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains(codePoint), "the form names " + codePoint + ": " + answer.body());
        assertEquals(0, node.get(LOCATIONS_API + "?name__startswith=Bad").body().get("meta").get("total_count").asInt(),
                "nothing stored");
    }
}
