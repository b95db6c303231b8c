package dev.confab.management.web;

import dev.confab.management.testing.RunningNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class ListPagesIT {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private static String session;
    private final WebClient web = new WebClient(node);

    @BeforeAll
    static void givenTwentyFiveDnsServersAndTwoKindsOfService() {
        for (int i = 1; i <= 25; i++) {
            node.post("/api/admin/configuration/v1/dns_server/", Map.of("address", "192.0.2." + i));
        }
        node.post("/api/admin/configuration/v1/conference/", Map.of("name", "Room", "service_type", "conference"));
        node.post("/api/admin/configuration/v1/conference/", Map.of("name", "Hall", "service_type", "lecture"));
        session = new WebClient(node).login();
    }

    @Test
    void pagesTwentyAtATime() {
        String first = web.get("/system/dns-servers/", session).body();
        assertTrue(first.contains("25 in all, showing 1–20"), first);
        assertTrue(first.contains("href=\"/system/dns-servers/?offset=20\""));
        String second = web.get("/system/dns-servers/?offset=20", session).body();
        assertTrue(second.contains("showing 21–25"));
        assertTrue(second.contains("rel=\"prev\""));
    }

    @Test
    void searchesTheDisplayFieldAndSortsByAColumn() {
        String found = web.get("/system/dns-servers/?q=2.2", session).body();
        assertTrue(found.contains("7 in all"), "192.0.2.2 and 192.0.2.20–25");
        String sorted = web.get("/system/dns-servers/?order_by=-address", session).body();
        assertTrue(sorted.indexOf("192.0.2.9<") < sorted.indexOf("192.0.2.8<"), "descending text order");
        assertTrue(sorted.contains("aria-sort=\"descending\""));
    }

    @Test
    void showsEachServiceTypeOnItsOwnPage() {
        String rooms = web.get("/services/virtual-meeting-rooms/", session).body();
        String halls = web.get("/services/virtual-auditoriums/", session).body();
        assertTrue(rooms.contains(">Room<") && !rooms.contains(">Hall<"));
        assertTrue(halls.contains(">Hall<") && !halls.contains(">Room<"));
    }

    @Test
    void showsRealEmptyListsForAlarmsAndNodeHistory() {
        for (String page : new String[] {"/status/alarms/", "/history/alarm-history/",
                "/history/conferencing-node-history/"}) {
            HttpResponse<String> answer = web.get(page, session);
            assertEquals(200, answer.statusCode(), page);
            assertTrue(answer.body().contains("0 in all"), page);
        }
        assertEquals(200, node.get("/api/admin/status/v1/alarm/").status());
        assertEquals(200, node.get("/api/admin/history/v1/workervm_status_event/").status());
        assertEquals(200, node.get("/api/admin/history/v1/alarm/").status());
        assertEquals(200, node.get("/api/admin/status/v1/system_location/").status());
    }

    @Test
    void answersAnUnknownPageOrObjectWith404InsideTheMenu() {
        for (String page : new String[] {"/no/such/page/", "/platform/locations/999/", "/platform/locations/abc/"}) {
            HttpResponse<String> answer = web.get(page, session);
            assertEquals(404, answer.statusCode(), page + " " + answer.body());
            assertTrue(answer.body().contains("aria-label=\"Main menu\""), page);
        }
    }

    @Test
    void servesHtmxFromItsWebjarAndSendsProtectiveHeaders() {
        HttpResponse<String> script = web.get("/webjars/htmx.org/2.0.10/dist/htmx.min.js", null);
        assertEquals(200, script.statusCode());
        HttpResponse<String> page = web.get("/status/live-view/", session);
        assertTrue(page.body().contains("hx-trigger=\"every 2s\""));
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(web.get("/status/cloud-bursting/", session).body().contains("hx-trigger=\"every 15s\""));
    }
}
