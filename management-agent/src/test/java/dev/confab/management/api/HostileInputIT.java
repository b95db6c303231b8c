package dev.confab.management.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.testing.Fixtures;
import dev.confab.management.testing.RunningNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.confab.management.testing.Fixtures.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input to the management API: each is refused with a 4xx and the documented JSON error
 * ({@code {"error": …, "fields": {…}}}), and changes nothing. The Management Node here refuses
 * loopback node addresses, as every Management Node that does not listen on loopback does.
 */
@Timeout(120)
class HostileInputIT {

    private static final String NODES = CONFIG + "worker_vm/";
    private static final String HASH = "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4O"
            + "TLiBFdcbYEdFCoEOfaS35inz1";

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RunningNode node = new RunningNode(settings -> settings.withLoopbackNodes(false));
    private static String london;
    private static String existing;

    @BeforeAll
    static void start() {
        london = Fixtures.createLocation(node, "London");
        RunningNode.Response created = node.post(NODES, Fixtures.node("lon-cn1", "10.0.0.11", london));
        assertEquals(201, created.status(), created.text());
        existing = Fixtures.createdPath(created);
    }

    /** A 4xx with the documented JSON error, naming {@code field} (when given) with a message containing {@code part}. */
    private static void assertRefused(RunningNode.Response answer, int status, String field, String part) {
        assertEquals(status, answer.status(), answer.text());
        String type = answer.raw().headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/json"), "a JSON answer, not " + type + ": " + answer.text());
        JsonNode body = answer.body();
        assertTrue(body.hasNonNull("error") && body.get("error").isTextual(), answer.text());
        assertTrue(body.has("fields") && body.get("fields").isObject(), answer.text());
        String message = field == null ? body.get("error").asText() : body.get("fields").path(field).asText();
        assertTrue(message.contains(part), "expected '" + part + "' on " + (field == null ? "error" : field) + ": "
                + answer.text());
    }

    private static void assertRefused(RunningNode.Response answer, String field, String part) {
        assertRefused(answer, 400, field, part);
    }

    private static Map<String, Object> nodeWith(String key, Object value) {
        Map<String, Object> body = Fixtures.node("lon-cn9", "10.0.0.19", london);
        body.put(key, value);
        return body;
    }

    private static int nodes() {
        return node.get(NODES).body().get("meta").get("total_count").asInt();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "address, 0.0.0.0, unspecified address",
            "address, 127.0.0.1, loopback",
            "address, 127.10.0.1, loopback",
            "address, 255.255.255.255, limited broadcast",
            "address, 224.0.0.5, multicast",
            "address, 239.255.255.250, multicast",
            "address, 169.254.169.254, link-local",
            "gateway, 0.0.0.0, unspecified address",
            "gateway, 127.0.0.1, loopback",
            "gateway, 255.255.255.255, limited broadcast",
            "gateway, 224.0.0.1, multicast",
            "static_nat_address, 0.0.0.0, unspecified address",
            "static_nat_address, 127.0.0.1, loopback",
            "static_nat_address, 255.255.255.255, limited broadcast",
            "static_nat_address, 233.1.1.1, multicast",
            "static_nat_address, 169.254.0.1, link-local",
            "secondary_address, 0.0.0.0, unspecified address"})
    void refusesAnAddressThatIsNoNodes(String field, String address, String why) {
        int before = nodes();
        assertRefused(node.post(NODES, nodeWith(field, address)), field, why);
        assertRefused(node.patch(existing, Map.of(field, address)), field, address);
        assertEquals(before, nodes());
    }

    @ParameterizedTest(name = "management_vm {0} = {1}")
    @CsvSource({"address, 0.0.0.0, unspecified", "address, 127.0.0.1, loopback", "gateway, 255.255.255.255, broadcast",
            "static_nat_address, 224.0.0.1, multicast", "address, 169.254.1.1, link-local"})
    void refusesAnAddressThatIsNoNodesForTheManagementNode(String field, String address, String why) {
        assertRefused(node.patch(CONFIG + "management_vm/1/", Map.of(field, address)), field, why);
    }

    @ParameterizedTest(name = "password {0}")
    @MethodSource("malformedPasswords")
    void refusesAnEmptyPasswordAndAMalformedHash(String password, String why) {
        int before = nodes();
        assertRefused(node.post(NODES, nodeWith("password", password)), "password", why);
        assertRefused(node.patch(existing, Map.of("password", password)), "password", why);
        assertEquals(before, nodes());
    }

    static Stream<Arguments> malformedPasswords() {
        return Stream.of(Arguments.of("$6$", "not well-formed"),
                Arguments.of("$6$salt$", "not well-formed"), Arguments.of("$6$rounds=10$salt$hash", "not well-formed"),
                Arguments.of(HASH.substring(0, HASH.length() - 1) + "2", "not well-formed"),
                Arguments.of("$1$saltstri$YMyguxXMBpd2TEZ.vS/3q1", "not well-formed"),
                Arguments.of("$", "not well-formed"), Arguments.of("p\u0000ss", "U+0000"),
                Arguments.of("x".repeat(257), "At most 256"));
    }

    @ParameterizedTest(name = "password \"{0}\"")
    @ValueSource(strings = {"", "   "})
    void takesABlankPasswordAsNoneGivenSoItIsNeverAPassword(String blank) {
        String hash = node.agent().configuration().workerVm(Fixtures.id(existing)).orElseThrow().passwordHash()
                .orElseThrow();
        RunningNode.Response patched = node.patch(existing, Map.of("password", blank));
        assertEquals(200, patched.status(), patched.text());
        assertEquals(hash, node.agent().configuration().workerVm(Fixtures.id(existing)).orElseThrow().passwordHash()
                .orElseThrow(), "the password is kept");
        RunningNode.Response created = node.post(NODES, nodeWith("password", blank));
        assertEquals(201, created.status(), created.text());
        assertTrue(node.agent().configuration().workerVm(Fixtures.id(Fixtures.createdPath(created))).orElseThrow()
                .passwordHash().isEmpty(), "a new node without a password");
        assertEquals(204, node.delete(Fixtures.createdPath(created)).status());
    }

    @Test
    void keepsAWellFormedHashAndHashesAPlainPassword() {
        RunningNode.Response hashed = node.post(NODES, nodeWith("password", HASH));
        assertEquals(201, hashed.status(), hashed.text());
        assertTrue(hashed.text().contains(HASH), "the configuration file carries the given hash");
        assertEquals(204, node.delete(Fixtures.createdPath(hashed)).status());
        RunningNode.Response plain = node.post(NODES, nodeWith("password", "ssh-secret-2"));
        assertEquals(201, plain.status(), plain.text());
        assertFalse(plain.text().contains("ssh-secret-2"));
        assertTrue(plain.text().contains("$6$"), "the file carries a hash");
        assertEquals(204, node.delete(Fixtures.createdPath(plain)).status());
        RunningNode.Response none = node.post(NODES, nodeWith("password", null));
        assertEquals(201, none.status(), "null is a node without a password: " + none.text());
        assertEquals(204, node.delete(Fixtures.createdPath(none)).status());
    }

    /** Each text field that names or describes something, and a request that sets it. */
    static Stream<Arguments> textFields() {
        return Stream.of(
                Arguments.of(CONFIG + "system_location/", "name", Fixtures.location("Paris")),
                Arguments.of(CONFIG + "system_location/", "description", Fixtures.location("Paris")),
                Arguments.of(NODES, "name", nodeWith("name", "x")),
                Arguments.of(NODES, "description", nodeWith("name", "lon-cn9")),
                Arguments.of(NODES, "maintenance_mode_reason", nodeWith("name", "lon-cn9")),
                Arguments.of(CONFIG + "conference/", "name", Fixtures.conference("Room")),
                Arguments.of(CONFIG + "conference/", "description", Fixtures.conference("Room")),
                Arguments.of(CONFIG + "conference/", "tag", Fixtures.conference("Room")),
                Arguments.of(CONFIG + "dns_server/", "description", new HashMap<>(Map.of("address", "10.0.0.53"))),
                Arguments.of(CONFIG + "licence/", "description", new HashMap<>(Map.of("concurrent", 10))),
                Arguments.of(CONFIG + "static_route/", "name", new HashMap<>(Map.of("address", "10.1.0.0",
                        "prefix", 16, "gateway", "10.0.0.1"))));
    }

    static Stream<Arguments> hostileTexts() {
        Stream.Builder<Arguments> cases = Stream.builder();
        String[][] characters = {{"\u0000", "U+0000"}, {"\u0007", "U+0007"}, {"\t", "U+0009"}, {"\n", "U+000A"},
                {"\r", "U+000D"}, {"\u001b[31m", "U+001B"}, {"\u007f", "U+007F"}, {"\u0085", "U+0085"},
                {"\u009b", "U+009B"}, {"\u202e", "U+202E"}, {"\u202a", "U+202A"}, {"\u2066", "U+2066"},
                {"\u2069", "U+2069"}, {"\u200f", "U+200F"}, {"\u200e", "U+200E"}, {"\u2028", "U+2028"},
                {"\ufffd", "U+FFFD"}, {"\ud800", "U+D800"}};
        textFields().forEach(field -> {
            for (String[] character : characters) {
                cases.add(Arguments.of(field.get()[0], field.get()[1], field.get()[2], character[0], character[1]));
            }
        });
        return cases.build();
    }

    @ParameterizedTest(name = "{0} {1} with {4}")
    @MethodSource("hostileTexts")
    void refusesControlAndBidirectionalCharactersInEveryTextField(String list, String field, Map<String, Object> base,
                                                                    String character, String codePoint)
            throws Exception {
        Map<String, Object> body = new HashMap<>(base);
        body.put(field, "Evil" + character + "name");
        int before = node.get(list).body().get("meta").get("total_count").asInt();
        // a lone surrogate goes as its JSON escape: UTF-8 cannot carry it
        String text = JSON.writeValueAsString(body).replace("\ud800", "\\ud800");
        RunningNode.Response answer = node.post(list, text);
        assertRefused(answer, field, codePoint);
        assertRefused(answer, field, field + " contains");
        assertEquals(before, node.get(list).body().get("meta").get("total_count").asInt(), "nothing stored");
    }

    @Test
    void refusesControlCharactersInNestedAliasesAndAConferenceAlias() {
        Map<String, Object> room = Fixtures.conference("Aliased");
        room.put("aliases", List.of(Map.of("alias", "ok@example.com", "description", "bad\u001b[2Jtext")));
        assertRefused(node.post(CONFIG + "conference/", room), "aliases", "U+001B");
        room.put("aliases", List.of(Map.of("alias", "ok@example.com", "description", "\u202eevil")));
        assertRefused(node.post(CONFIG + "conference/", room), "aliases", "U+202E");
        room.put("aliases", List.of(Map.of("alias", "ok\u0000@example.com")));
        assertRefused(node.post(CONFIG + "conference/", room), "aliases", "U+0000");
        room.put("aliases", List.of(Map.of("alias", "ok@example.com", "description", "x".repeat(251))));
        assertRefused(node.post(CONFIG + "conference/", room), "aliases", "250");
        room.put("aliases", List.of(Map.of("alias", "ok@example.com", "description", "Main entrance")));
        RunningNode.Response created = node.post(CONFIG + "conference/", room);
        assertEquals(201, created.status(), created.text());
        String roomUri = created.body().get("resource_uri").asText();
        assertRefused(node.post(CONFIG + "conference_alias/", Map.of("alias", "second@example.com", "conference", roomUri,
                "description", "line\nbreak")), "description", "U+000A");
        assertRefused(node.post(CONFIG + "conference_alias/", Map.of("alias", "sec\u2066ond@example.com",
                "conference", roomUri)), "alias", "U+2066");
        assertEquals(204, node.delete(roomUri).status());
    }

    @Test
    void acceptsPrintableUnicodeNamesUnchanged() {
        Map<String, Object> location = Fixtures.location("Zürich 東京 مدينة");
        location.put("description", "Emoji 👩‍💻 and accents: àéîõü");
        RunningNode.Response created = node.post(CONFIG + "system_location/", location);
        assertEquals(201, created.status(), created.text());
        assertEquals("Zürich 東京 مدينة", created.body().get("name").asText());
        assertEquals("Emoji 👩‍💻 and accents: àéîõü", created.body().get("description").asText());
        assertEquals(204, node.delete(created.body().get("resource_uri").asText()).status());
    }

    private static byte[] bytes(String before, int[] raw, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        for (int b : raw) {
            out.write(b);
        }
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(Arguments.of("0xC3 0x28", new int[] {0xC3, 0x28}), Arguments.of("lone continuation 0x80",
                new int[] {0x80}), Arguments.of("overlong /", new int[] {0xC0, 0xAF}),
                Arguments.of("truncated", new int[] {0xE2, 0x82}), Arguments.of("surrogate", new int[] {0xED, 0xA0, 0x80}),
                Arguments.of("0xFF", new int[] {0xFF}), Arguments.of("Latin-1 é", new int[] {0xE9}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void refusesABodyThatIsNotUtf8(String what, int[] raw) {
        for (String type : new String[] {"application/json", "application/json; charset=utf-8"}) {
            RunningNode.Response answer = node.sendBytes("POST", CONFIG + "system_location/",
                    bytes("{\"name\": \"Bad", raw, "bytes\"}"), type);
            assertRefused(answer, null, "UTF-8");
        }
        assertEquals(0, node.get(CONFIG + "system_location/?name__startswith=Bad").body().get("meta")
                .get("total_count").asInt(), "nothing stored, not even with a replacement character");
        assertRefused(node.sendBytes("PATCH", existing, bytes("{\"description\": \"", raw, "\"}"), "application/json"),
                null, "UTF-8");
    }

    @Test
    void refusesABodyDeclaredInAnotherCharsetThanUtf8() {
        for (String type : new String[] {"application/json; charset=iso-8859-1", "application/json; charset=utf-16"}) {
            assertRefused(node.sendBytes("POST", CONFIG + "system_location/",
                    bytes("{\"name\": \"Caf", new int[] {0xE9}, "\"}"), type), 415, null, "JSON");
        }
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("an array", "[{\"name\": \"A\"}]", "JSON object"),
                Arguments.of("a string", "\"name\"", "JSON object"),
                Arguments.of("a number", "42", "JSON object"),
                Arguments.of("null", "null", "JSON object"),
                Arguments.of("two objects", "{\"name\": \"A\"} {\"name\": \"B\"}", "JSON"),
                Arguments.of("trailing garbage", "{\"name\": \"A\"} garbage", "JSON"),
                Arguments.of("trailing bracket", "{\"name\": \"A\"}}", "JSON"),
                Arguments.of("unterminated", "{\"name\": \"A\"", "JSON"),
                Arguments.of("trailing comma", "{\"name\": \"A\",}", "JSON"),
                Arguments.of("single quotes", "{'name': 'A'}", "JSON"),
                Arguments.of("a comment", "{\"name\": \"A\" /* x */}", "JSON"),
                Arguments.of("NaN", "{\"name\": \"A\", \"mtu\": NaN}", "JSON"),
                Arguments.of("a duplicate key", "{\"name\": \"A\", \"name\": \"B\"}", "name"),
                Arguments.of("not JSON", "name=A", "JSON"),
                Arguments.of("whitespace only", "   ", "no body"),
                Arguments.of("nested 100000 deep", "{\"name\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}",
                        "JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void refusesABodyThatIsNotOneJsonObject(String what, String body, String part) {
        assertRefused(node.sendBytes("POST", CONFIG + "system_location/", body.getBytes(StandardCharsets.UTF_8),
                "application/json"), null, part);
        assertRefused(node.sendBytes("PUT", existing, body.getBytes(StandardCharsets.UTF_8), "application/json"),
                null, part);
        assertEquals(0, node.get(CONFIG + "system_location/?name=A").body().get("meta").get("total_count").asInt());
    }

    @Test
    void refusesAnOverLargeBodyWithAJsonError() throws Exception {
        String huge = "{\"name\": \"Huge\", \"description\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertRefused(node.sendBytes("POST", CONFIG + "system_location/", huge.getBytes(StandardCharsets.UTF_8),
                "application/json"), 413, null, "too large");
        HttpRequest chunked = HttpRequest.newBuilder(node.uri(CONFIG + "system_location/"))
                .header("Authorization", RunningNode.basic(RunningNode.USER, RunningNode.PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        huge.getBytes(StandardCharsets.UTF_8)))).build();
        HttpResponse<String> answer = node.client().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode(), "a chunked body without a length: " + answer.body());
        assertTrue(JSON.readTree(answer.body()).get("error").asText().contains("too large"), answer.body());
        assertEquals(0, node.get(CONFIG + "system_location/?name=Huge").body().get("meta").get("total_count").asInt());
    }

    static Stream<Arguments> wrongValues() {
        return Stream.of(
                Arguments.of("name", "x".repeat(10_000), "At most 32"),
                Arguments.of("description", "x".repeat(251), "At most 250"),
                Arguments.of("maintenance_mode_reason", "x".repeat(100_000), "At most 250"),
                Arguments.of("name", 42, "a string"),
                Arguments.of("name", List.of("a"), "a string"),
                Arguments.of("name", Map.of("a", "b"), "a string"),
                Arguments.of("name", true, "a string"),
                Arguments.of("address", 167772179, "a string"),
                Arguments.of("vm_cpu_count", "four", "whole number"),
                Arguments.of("vm_cpu_count", 4.5, "whole number"),
                Arguments.of("vm_cpu_count", 1, "from 2 to 128"),
                Arguments.of("vm_cpu_count", 129, "from 2 to 128"),
                Arguments.of("vm_cpu_count", -1, "from 2 to 128"),
                Arguments.of("vm_cpu_count", Long.MAX_VALUE, "from 2 to 128"),
                Arguments.of("vm_cpu_count", new java.math.BigInteger("99999999999999999999999999"), "whole number"),
                Arguments.of("vm_cpu_count", 1e300, "whole number"),
                Arguments.of("vm_system_memory", 1999, "from 2000 to 64000"),
                Arguments.of("vm_system_memory", 64001, "from 2000 to 64000"),
                Arguments.of("media_priority_weight", 1001, "from 0 to 1000"),
                Arguments.of("maintenance_mode", "maybe", "true or false"),
                Arguments.of("maintenance_mode", 2, "true or false"),
                Arguments.of("maintenance_mode", List.of(), "true or false"),
                Arguments.of("enable_ssh", "MAYBE", "GLOBAL, OFF, ON"),
                Arguments.of("system_location", CONFIG + "system_location/999999/", "no system_location"),
                Arguments.of("system_location", 999999, "no system_location"),
                Arguments.of("system_location", CONFIG + "worker_vm/1/", "URI of a system_location"),
                Arguments.of("system_location", "/etc/passwd", "URI of a system_location"),
                Arguments.of("system_location", true, "URI of a system_location"),
                Arguments.of("system_location", "99999999999999999999", "URI of a system_location"),
                Arguments.of("tls_certificate", CONFIG + "tls_certificate/424242/", "no tls_certificate"),
                Arguments.of("static_routes", List.of(CONFIG + "static_route/424242/"), "no static_route"),
                Arguments.of("static_routes", CONFIG + "static_route/1/", "a list"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("wrongValues")
    void refusesAValueOfTheWrongTypeSizeOrRange(String field, Object value, String part) {
        int before = nodes();
        assertRefused(node.post(NODES, nodeWith(field, value)), field, part);
        assertRefused(node.patch(existing, Map.of(field, value)), field, part);
        assertEquals(before, nodes());
    }

    @Test
    void refusesAWrongTypeInsideNestedAliases() {
        Map<String, Object> room = Fixtures.conference("Nested");
        for (Object aliases : new Object[] {"room@example.com", List.of("room@example.com"), List.of(Map.of("alias", 5)),
                List.of(List.of(List.of()))}) {
            room.put("aliases", aliases);
            assertRefused(node.post(CONFIG + "conference/", room), "aliases", "alias");
        }
    }
}
