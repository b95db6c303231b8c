package dev.confab.management.web;

import dev.confab.management.testing.RunningNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator's first session in a real headless Chromium: log in, add a location, a Virtual
 * Meeting Room and a Conferencing Node (after a refused gateway), put the node into maintenance,
 * log out. Steps share one browser and one Management Node, in order.
 */
@Timeout(90)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdministratorInterfaceIT {

    @RegisterExtension
    @Order(1)
    static final RunningNode node = new RunningNode();

    @RegisterExtension
    @Order(2)
    static final Browser browser = new Browser(node);

    @Test
    @Order(1)
    void logsIn() {
        browser.open("/platform/locations/");
        assertEquals("/login", browser.path());
        browser.screenshot("login");
        browser.type("username", RunningNode.USER);
        browser.type("password", RunningNode.PASSWORD);
        browser.click("login");
        assertEquals("/platform/locations/", browser.path());
        assertTrue(browser.text("#self-signed").contains("self-signed"));
    }

    @Test
    @Order(2)
    void createsALocation() {
        browser.click("add");
        browser.type("f-name", "London");
        browser.type("f-description", "Transcoding in eu-west-2");
        browser.click("save");
        assertEquals("/platform/locations/", browser.path());
        assertTrue(browser.text("#flash").contains("London"));
        assertTrue(browser.text("table.list tbody").contains("Transcoding in eu-west-2"));
        browser.screenshot("locations");
    }

    @Test
    @Order(3)
    void createsAVirtualMeetingRoomWithTwoAliasesAndAPin() {
        browser.open("/services/virtual-meeting-rooms/new");
        browser.type("f-name", "Board room");
        browser.type("f-pin", "4321");
        browser.type("aliases-0-alias", "board@example.com");
        browser.type("aliases-1-alias", "8001");
        browser.type("aliases-1-description", "Dial-in number");
        browser.screenshot("virtual-meeting-room");
        browser.click("save");
        assertEquals("/services/virtual-meeting-rooms/", browser.path());
        String row = browser.text("table.list tbody");
        assertTrue(row.contains("Board room") && row.contains("board@example.com, 8001"), row);
        var room = node.get("/api/admin/configuration/v1/conference/?name=Board%20room").body().get("objects").get(0);
        assertEquals("4321", room.get("pin").asText());
        assertEquals("conference", room.get("service_type").asText());
        assertEquals(2, room.get("aliases").size());
    }

    @Test
    @Order(4)
    void refusesANodeWhoseGatewayIsOutsideItsSubnetThenListsItCorrected() {
        browser.open("/platform/conferencing-nodes/new");
        browser.type("f-name", "lon-conf-1");
        browser.type("f-hostname", "lon-conf-1");
        browser.type("f-domain", "example.com");
        browser.type("f-address", "10.0.1.10");
        browser.type("f-netmask", "255.255.255.0");
        browser.type("f-gateway", "10.0.2.1");
        browser.choose("f-system_location", "London");
        browser.type("f-password", "ssh-secret-1");
        browser.click("save");
        assertTrue(browser.text("#error-gateway").contains("not inside the subnet"), browser.text("#error-gateway"));
        assertEquals("lon-conf-1", browser.find("#f-name").getAttribute("value"), "entered values are kept");
        browser.scrollTo("f-domain");
        browser.screenshot("conferencing-node-error");

        browser.type("f-gateway", "10.0.1.1");
        browser.type("f-password", "ssh-secret-1");
        browser.click("save");
        assertTrue(browser.path().matches("/platform/conferencing-nodes/\\d+/deploy"), browser.path());
        assertTrue(browser.text("#flash").contains("Download its configuration file next"), browser.text("#flash"));
        browser.open("/platform/conferencing-nodes/");
        assertTrue(browser.text("table.list tbody").contains("lon-conf-1"));
    }

    @Test
    @Order(5)
    void downloadsTheGenericConfigurationFileFromTheDeployStep() {
        browser.open("/platform/conferencing-nodes/");
        browser.driver().findElement(By.linkText("lon-conf-1")).click();
        browser.open(browser.path() + "deploy");
        assertEquals("Generic (configuration-only)",
                new org.openqa.selenium.support.ui.Select(browser.find("#deployment_type")).getFirstSelectedOption().getText());
        browser.screenshot("deploy-conferencing-node");
        // submit the page's own form (session cookie and CSRF token included) and read the attachment
        Object answer = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.querySelector('form.card');
                fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))})
                  .then(r => r.text().then(t => done(r.status + '|' + r.headers.get('Content-Disposition') + '|' + t)));
                """);
        String[] parts = String.valueOf(answer).split("\\|", 3);
        assertEquals("200", parts[0], String.valueOf(answer));
        assertEquals("attachment; filename=pexip-lon-conf-1.example.com.xml", parts[1]);
        assertTrue(parts[2].contains("lon-conf-1") && !parts[2].contains("ssh-secret-1"), parts[2]);
    }

    @Test
    @Order(6)
    void enablesMaintenanceModeFromTheBulkMenu() {
        browser.open("/platform/conferencing-nodes/");
        WebElement row = browser.driver().findElement(By.xpath("//tr[td/a[text()='lon-conf-1']]"));
        row.findElement(By.cssSelector("input[type=checkbox]")).click();
        browser.choose("bulk-action", "Enable maintenance mode");
        browser.click("bulk-apply");
        assertTrue(browser.text("#flash").contains("Maintenance mode enabled on 1 Conferencing Node"));
        browser.screenshot("conferencing-nodes");
        browser.open("/status/conferencing-nodes/");
        String status = browser.text("table.list tbody");
        assertTrue(status.contains("lon-conf-1") && status.contains("Never") && status.contains("Yes"), status);
        browser.screenshot("status-conferencing-nodes");
    }

    @Test
    @Order(7)
    void showsTheOtherMainPages() {
        browser.open("/platform/global-settings/");
        String page = browser.text("main");
        assertTrue(page.contains("Cloud bursting") && page.contains("pexip-cloud"), page);
        browser.scrollTo("f-aws_region");
        browser.screenshot("global-settings");
        assertTrue(browser.text("#iam-policy").contains("\"ec2:StartInstances\""), browser.text("#iam-policy"));
        browser.scrollTo("iam-policy-title");
        browser.find("#iam-policy-copy").click();
        // the button says what happened: copied, or refused (a headless browser may keep its clipboard closed)
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(ignored -> !browser.text("#iam-policy-copy").equals("Copy"));
        browser.screenshot("iam-policy");
        browser.open("/status/live-view/");
        // the screenshot of Live View, with calls in progress, is LiveViewBrowserIT's (local-cloud)
        assertTrue(browser.text("main").contains("lon-conf-1"));
        browser.open("/status/cloud-bursting/");
        assertTrue(browser.text("main").contains("pexip-cloud"));
        browser.open("/history/administrator-log/");
        assertTrue(browser.text("table.list tbody").contains("lon-conf-1"));
        browser.screenshot("administrator-log");
    }

    @Test
    @Order(8)
    void logsOutAndIsRefusedAPage() {
        browser.click("logout");
        assertEquals("/login", browser.path());
        browser.open("/platform/conferencing-nodes/");
        assertEquals("/login", browser.path());
        assertFalse(browser.driver().getPageSource().contains("lon-conf-1"));
    }
}
