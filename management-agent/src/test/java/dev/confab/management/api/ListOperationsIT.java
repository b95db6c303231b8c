package dev.confab.management.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.testing.Fixtures;
import dev.confab.management.testing.RunningNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.confab.management.testing.Fixtures.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference's list operations: a bulk PATCH of a list ({@code objects}, {@code deleted_objects})
 * and a DELETE of a list, each all or nothing with one configuration revision and a log line per
 * object; and PUT of an object, which replaces it.
 */
@Timeout(60)
class ListOperationsIT {

    private static final String LOCATIONS = CONFIG + "system_location/";
    private static final String DNS = CONFIG + "dns_server/";

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private static long revision() {
        return node.agent().configuration().revision();
    }

    private static String create(String list, Map<String, Object> body) {
        RunningNode.Response created = node.post(list, body);
        assertEquals(201, created.status(), created.text());
        return created.body().get("resource_uri").asText();
    }

    private static String dns(String address, String description) {
        return create(DNS, Map.of("address", address, "description", description));
    }

    /** The administrator-log lines that revision {@code revision} made, as "action name". */
    private static List<String> loggedAt(long revision) {
        List<String> lines = new ArrayList<>();
        node.get("/api/admin/history/v1/admin_log/?limit=0&revision=" + revision).body().get("objects")
                .forEach(line -> lines.add(line.get("action").asText() + " " + line.get("object_name").asText()));
        return lines;
    }

    private static int count(String list, String query) {
        return node.get(list + "?" + query).body().get("meta").get("total_count").asInt();
    }

    @Test
    void aBulkPatchChangesCreatesAndDeletesInOneRevision() {
        String first = dns("192.0.2.1", "old");
        String second = dns("192.0.2.2", "old");
        String doomed = dns("192.0.2.3", "old");
        long before = revision();

        RunningNode.Response answer = node.patch(DNS, Map.of(
                "objects", List.of(Map.of("resource_uri", first, "description", "primary"),
                        Map.of("id", node.get(second).body().get("id").asLong(), "description", "secondary"),
                        Map.of("address", "192.0.2.4", "description", "new")),
                "deleted_objects", List.of(doomed)));

        assertEquals(202, answer.status(), answer.text());
        assertEquals(List.of("primary", "secondary", "new"), Fixtures.names(answer, "description"));
        assertEquals(before + 1, revision(), "one revision for the whole request");
        assertEquals("primary", node.get(first).body().get("description").asText());
        assertEquals(404, node.get(doomed).status());
        assertEquals(1, count(DNS, "address=192.0.2.4"));
        List<String> lines = loggedAt(before + 1);
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.containsAll(List.of("updated 192.0.2.1", "updated 192.0.2.2", "created 192.0.2.4",
                "deleted 192.0.2.3")), lines.toString());
    }

    @Test
    void oneInvalidObjectRollsBackTheWholeBulkPatch() {
        String kept = create(LOCATIONS, Fixtures.location("Rollback A"));
        String alsoKept = create(LOCATIONS, Fixtures.location("Rollback B"));
        String notDeleted = create(LOCATIONS, Fixtures.location("Rollback D"));
        long before = revision();

        RunningNode.Response answer = node.patch(LOCATIONS, Map.of(
                "objects", List.of(Map.of("resource_uri", kept, "description", "changed"),
                        Map.of("name", "Rollback C"),
                        Map.of("resource_uri", alsoKept, "mtu", 99999)),
                "deleted_objects", List.of(notDeleted)));

        assertEquals(400, answer.status(), answer.text());
        assertTrue(answer.body().get("error").asText().startsWith("objects[2]: "), answer.text());
        assertTrue(answer.body().get("fields").get("objects[2].mtu").asText().contains("from 512 to 1500"),
                answer.text());
        assertEquals(before, revision(), "no revision");
        assertEquals(List.of(), loggedAt(before + 1), "no log line");
        assertEquals("Location Rollback A", node.get(kept).body().get("description").asText(), "nothing changed");
        assertEquals(0, count(LOCATIONS, "name=Rollback%20C"), "nothing created");
        assertEquals(200, node.get(notDeleted).status(), "nothing deleted");
    }

    @Test
    void aDeletionThatCannotBeDoneRollsBackTheChangesBeforeIt() {
        String used = create(LOCATIONS, Fixtures.location("Busy"));
        RunningNode.Response nodeCreated = node.post(CONFIG + "worker_vm/", Fixtures.node("busy-cn1", "10.9.0.11", used));
        assertEquals(201, nodeCreated.status(), nodeCreated.text());
        String other = create(LOCATIONS, Fixtures.location("Idle"));
        long before = revision();

        RunningNode.Response answer = node.patch(LOCATIONS, Map.of(
                "objects", List.of(Map.of("resource_uri", other, "description", "changed")),
                "deleted_objects", List.of(used)));

        assertEquals(409, answer.status(), answer.text());
        assertTrue(answer.body().get("error").asText().startsWith("deleted_objects[0]: "), answer.text());
        assertTrue(answer.body().get("error").asText().contains("busy-cn1"), answer.text());
        assertEquals(before, revision());
        assertEquals("Location Idle", node.get(other).body().get("description").asText());
        assertEquals(204, node.delete(Fixtures.createdPath(nodeCreated)).status());
    }

    @Test
    void aBulkPatchThatNamesAMissingObjectOrOneTwiceChangesNothing() {
        String uri = dns("192.0.2.40", "x");
        long before = revision();

        RunningNode.Response missing = node.patch(DNS, Map.of("objects", List.of(
                Map.of("resource_uri", uri, "description", "y"), Map.of("resource_uri", DNS + "424242/"))));
        assertEquals(404, missing.status(), missing.text());
        assertTrue(missing.body().get("error").asText().startsWith("objects[1]: "), missing.text());

        RunningNode.Response twice = node.patch(DNS, Map.of("objects", List.of(Map.of("resource_uri", uri,
                "description", "y")), "deleted_objects", List.of(uri)));
        assertEquals(400, twice.status(), twice.text());
        assertTrue(twice.body().get("fields").has("deleted_objects[0]"), twice.text());

        RunningNode.Response foreign = node.patch(DNS, Map.of("deleted_objects", List.of(LOCATIONS + "1/")));
        assertEquals(400, foreign.status(), foreign.text());
        assertTrue(foreign.body().get("fields").get("deleted_objects[0]").asText().contains("dns_server"),
                foreign.text());

        RunningNode.Response shapeless = node.patch(DNS, Map.of("description", "everything"));
        assertEquals(400, shapeless.status(), shapeless.text());
        assertTrue(shapeless.body().get("error").asText().contains("\"objects\""), shapeless.text());

        assertEquals(before, revision());
        assertEquals("x", node.get(uri).body().get("description").asText());
    }

    @Test
    void aBulkPatchNamesTheFieldsItIgnored() {
        String uri = dns("192.0.2.50", "x");
        RunningNode.Response answer = node.patch(DNS, Map.of("objects", List.of(
                Map.of("resource_uri", uri, "description", "y", "snmp_mode", "DISABLED"),
                Map.of("address", "192.0.2.51", "colour", "blue", "snmp_mode", "DISABLED"))));
        assertEquals(202, answer.status(), answer.text());
        assertEquals("snmp_mode, colour", answer.raw().headers().firstValue("X-Confab-Ignored-Fields").orElse(""));
    }

    @Test
    void aDeleteOfAListDeletesWhatItsFiltersMatchInOneRevision() {
        dns("198.51.100.1", "temporary resolver");
        dns("198.51.100.2", "Temporary too");
        String kept = dns("198.51.100.3", "permanent");
        long before = revision();

        RunningNode.Response answer = node.delete(DNS + "?description__icontains=temporary&limit=1");

        assertEquals(204, answer.status(), answer.text());
        assertEquals(before + 1, revision());
        assertEquals(0, count(DNS, "description__icontains=temporary"), "paging does not limit a deletion");
        assertEquals(200, node.get(kept).status());
        assertEquals(List.of("deleted 198.51.100.1", "deleted 198.51.100.2"), loggedAt(before + 1).stream().sorted()
                .toList());
        assertEquals(204, node.delete(DNS + "?description=nothing-matches").status());
        assertEquals(before + 1, revision(), "deleting nothing makes no revision");
    }

    @Test
    void aDeleteOfAListIsRefusedWholeWhileOneOfItsObjectsIsUsed() {
        String used = create(LOCATIONS, Fixtures.location("Gone Used"));
        create(LOCATIONS, Fixtures.location("Gone Free"));
        RunningNode.Response nodeCreated = node.post(CONFIG + "worker_vm/", Fixtures.node("gone-cn1", "10.8.0.11", used));
        assertEquals(201, nodeCreated.status(), nodeCreated.text());
        long before = revision();

        RunningNode.Response answer = node.delete(LOCATIONS + "?name__startswith=Gone");

        assertEquals(409, answer.status(), answer.text());
        assertTrue(answer.body().get("error").asText().contains("gone-cn1"), answer.text());
        assertEquals(2, count(LOCATIONS, "name__startswith=Gone"), "neither is deleted");
        assertEquals(before, revision());
        assertEquals(204, node.delete(Fixtures.createdPath(nodeCreated)).status());
    }

    @Test
    void aDeleteOfAListDeletesObjectsThatReferToEachOther() {
        String second = create(LOCATIONS, Fixtures.location("Pair 2"));
        Map<String, Object> first = Fixtures.location("Pair 1");
        first.put("overflow_location1", second);
        create(LOCATIONS, first);

        RunningNode.Response refused = node.delete(LOCATIONS + "?name=Pair%202");
        assertEquals(409, refused.status(), "Pair 1 still overflows to Pair 2: " + refused.text());

        assertEquals(204, node.delete(LOCATIONS + "?name__startswith=Pair").status());
        assertEquals(0, count(LOCATIONS, "name__startswith=Pair"));
    }

    @Test
    void aDeleteOfAListChecksItsFilters() {
        RunningNode.Response answer = node.delete(LOCATIONS + "?mtu__gte=abc");
        assertEquals(400, answer.status(), answer.text());
        assertTrue(answer.body().get("fields").has("mtu__gte"), answer.text());
    }

    @Test
    void aPutReplacesTheObjectAndANestedListNotGivenIsEmptied() {
        Map<String, Object> room = Fixtures.conference("Replaced room", "replaced@example.com");
        room.put("description", "to be replaced");
        room.put("pin", "4321");
        String uri = create(CONFIG + "conference/", room);

        RunningNode.Response put = node.put(uri, Map.of("name", "Replaced room"));

        assertEquals(200, put.status(), put.text());
        JsonNode replaced = node.get(uri).body();
        assertEquals("", replaced.get("description").asText(), "a field not given takes its default");
        assertEquals("", replaced.get("pin").asText());
        assertEquals(0, replaced.get("aliases").size(), "the aliases were replaced by none");
        assertEquals(0, count(CONFIG + "conference_alias/", "alias=replaced@example.com"));
    }

    @Test
    void aPutOfWhatAGetReturnedChangesNothing() {
        String location = create(LOCATIONS, Fixtures.location("Round trip"));
        RunningNode.Response created = node.post(CONFIG + "worker_vm/", Fixtures.node("trip-cn1", "10.7.0.11", location));
        assertEquals(201, created.status(), created.text());
        for (String uri : List.of(location, Fixtures.createdPath(created), CONFIG + "global/1/",
                CONFIG + "management_vm/1/")) {
            JsonNode read = node.get(uri).body();
            RunningNode.Response put = node.put(uri, read);
            assertEquals(200, put.status(), put.text());
            assertEquals(read, node.get(uri).body(), uri);
        }
    }

    @Test
    void aPutWithoutARequiredFieldIsRefused() {
        String uri = create(LOCATIONS, Fixtures.location("Needs a name"));
        Map<String, Object> body = new HashMap<>(Map.of("description", "no name"));
        RunningNode.Response put = node.put(uri, body);
        assertEquals(400, put.status(), put.text());
        assertEquals("This field is required.", put.body().get("fields").get("name").asText());
    }
}
