package dev.confab.management.web;

import dev.confab.management.testing.RunningNode;
import dev.confab.management.testing.SettableClock;
import dev.confab.management.web.session.Cookies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class WebSecurityIT {

    private static final String LOCATIONS_API = "/api/admin/configuration/v1/system_location/";

    private static final SettableClock CLOCK = new SettableClock(Instant.now());

    @RegisterExtension
    static final RunningNode node = new RunningNode(CLOCK);

    private final WebClient web = new WebClient(node);

    @Test
    void sendsAPageRequestWithoutASessionToTheLoginPage() {
        for (String page : new String[] {"/", "/status/alarms/", "/platform/locations/", "/platform/global-settings/",
                "/history/administrator-log/", "/platform/locations/new"}) {
            HttpResponse<String> answer = web.get(page, null);
            assertEquals(302, answer.statusCode(), page);
            assertTrue(answer.headers().firstValue("Location").orElse("").startsWith("/login"), page);
            assertTrue(!answer.body().contains("<table"), page);
        }
    }

    @Test
    void refusesAFormPostWithoutASessionAndChangesNothing() {
        HttpResponse<String> answer = web.post("/platform/locations/new", null, Map.of("name", "Nowhere"));
        assertEquals(303, answer.statusCode());
        assertEquals("/login", answer.headers().firstValue("Location").orElse(""));
        assertEquals(0, node.get(LOCATIONS_API + "?name=Nowhere").body().get("meta").get("total_count").asInt());
    }

    @Test
    void refusesAFormPostWithoutItsCsrfToken() {
        String session = web.login();
        HttpResponse<String> missing = web.post("/platform/locations/new", session, Map.of("name", "Forged"));
        HttpResponse<String> wrong = web.post("/platform/locations/new", session,
                Map.of("name", "Forged", "_csrf", "not-the-token"));
        assertEquals(403, missing.statusCode());
        assertEquals(403, wrong.statusCode());
        assertTrue(missing.body().contains("security token"), missing.body());
        assertEquals(0, node.get(LOCATIONS_API + "?name=Forged").body().get("meta").get("total_count").asInt());

        String token = WebClient.csrf(web.get("/platform/locations/new", session).body());
        HttpResponse<String> genuine = web.post("/platform/locations/new", session,
                Map.of("name", "Genuine", "mtu", "1500", "_csrf", token));
        assertEquals(303, genuine.statusCode(), genuine.body());
        assertEquals(1, node.get(LOCATIONS_API + "?name=Genuine").body().get("meta").get("total_count").asInt());
    }

    @Test
    void refusesALoginPostWithoutTheLoginFormsToken() {
        HttpResponse<String> answer = web.post("/login", null,
                Map.of("username", RunningNode.USER, "password", RunningNode.PASSWORD));
        assertEquals(403, answer.statusCode());
        assertTrue(answer.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith(Cookies.SESSION)));
    }

    @Test
    void setsASecureHttpOnlyStrictSessionCookieAndEndsItAtLogout() {
        HttpResponse<String> page = web.get("/login", null);
        HttpResponse<String> answer = web.post("/login", WebClient.cookie(page, Cookies.LOGIN), Map.of(
                "_csrf", WebClient.csrf(page.body()), "username", RunningNode.USER, "password", RunningNode.PASSWORD));
        String header = WebClient.setCookie(answer, Cookies.SESSION);
        assertTrue(header.contains("; Secure") && header.contains("; HttpOnly") && header.contains("; SameSite=Strict"),
                header);
        String session = WebClient.cookie(answer, Cookies.SESSION);
        HttpResponse<String> home = web.get("/status/conferencing-nodes/", session);
        assertEquals(200, home.statusCode());

        HttpResponse<String> logout = web.post("/logout", session, Map.of("_csrf", WebClient.csrf(home.body())));
        assertEquals(303, logout.statusCode());
        assertEquals(302, web.get("/status/conferencing-nodes/", session).statusCode());
    }

    @Test
    void logsAWrongPasswordInTheAdministratorLog() {
        HttpResponse<String> page = web.get("/login", null);
        HttpResponse<String> answer = web.post("/login", WebClient.cookie(page, Cookies.LOGIN), Map.of(
                "_csrf", WebClient.csrf(page.body()), "username", "intruder", "password", "guess"));
        assertEquals(401, answer.statusCode());
        assertTrue(answer.body().contains("not correct"));
        CLOCK.advance(Duration.ofMinutes(1)); // failed logins are summed per address and minute
        assertTrue(node.awaitAdminLog("action=login_failed&user=intruder", "1 failed login for intruder from")
                .get("details").asText().endsWith("in the last minute"));
    }

    @Test
    void keepsTheApiOnItsOwnAuthentication() {
        RunningNode.Response answer = node.send("GET", LOCATIONS_API, null, null);
        assertEquals(401, answer.status());
        assertTrue(answer.body().has("error"));
    }
}
