package dev.confab.management.web;

import dev.confab.management.testing.RunningNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AWS deployment check on Platform › Global Settings: "Check now" and the last result. */
@Timeout(60)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeploymentCheckSectionIT {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private static String session;
    private final WebClient web = new WebClient(node);

    @BeforeAll
    static void loggedIn() {
        session = new WebClient(node).login();
    }

    @Test
    @Order(1)
    void showsNeverBeforeTheFirstCheckThenTheFindingsOfCheckNow() {
        String before = web.get("/platform/global-settings/", session).body();
        assertTrue(before.contains("id=\"check-now\""), before);
        assertTrue(before.contains("<span id=\"aws-check-time\">Never</span>"), before);

        HttpResponse<String> checked = web.post("/platform/global-settings/check", session,
                Map.of("_csrf", WebClient.csrf(before)));

        assertEquals(303, checked.statusCode(), checked.body());
        String after = web.get("/platform/global-settings/", session).body();
        assertTrue(after.contains("found 1 thing(s), 1 error(s)"), after);
        assertTrue(after.contains("id=\"aws-check-findings\""), after);
        assertTrue(after.contains("No AWS credentials"), "no access is set up on a new Management Node: " + after);
        assertTrue(!after.contains("<span id=\"aws-check-time\">Never</span>"), after);
    }

    @Test
    void theApiAnswersTheSameResultAndRunsItToo() {
        RunningNode.Response ran = node.post("/api/admin/command/v1/platform/aws_check/", Map.of());

        assertEquals(200, ran.status(), ran.text());
        assertEquals(1, ran.body().get("errors").asInt(), ran.text());
        assertEquals("error", ran.body().get("findings").get(0).get("severity").asText());
        RunningNode.Response last = node.get("/api/admin/status/v1/aws_check/");
        assertEquals(200, last.status(), last.text());
        assertEquals(ran.body().get("checked_at"), last.body().get("checked_at"));
    }

    @Test
    void refusesAManagementSubnetThatIsNoCidr() {
        RunningNode.Response refused = node.post("/api/admin/command/v1/platform/aws_check/",
                Map.of("management_subnet", "the office"));

        assertEquals(400, refused.status(), refused.text());
        assertTrue(refused.text().contains("CIDR block such as 10.0.0.0/24"), refused.text());
    }
}
