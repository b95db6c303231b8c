package dev.confab.localcloud.calls;

import dev.confab.localcloud.testing.CallPlatform;
import dev.confab.localcloud.testing.ChannelPlatform;
import dev.confab.localcloud.testing.Chromium;
import dev.confab.localcloud.testing.ClientApiClient;
import dev.confab.shared.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Status › Live View in headless Chromium, with calls in progress across real processes: London
 * overflowing to Paris, each with one c5.large node. The page shows each node's load and the
 * participants whose media it hosts, refreshes itself as calls come, and disconnects one. Its
 * screenshot is docs/screenshots/live-view.png.
 */
@Timeout(300)
class LiveViewBrowserIT {

    private static final String BOARD = "board@live.example.com";
    private static final String SALES = "sales@live.example.com";

    @TempDir
    static Path dir;
    private static CallPlatform platform;
    private static ChannelPlatform.Node london;
    private static ChromeDriver browser;

    @BeforeAll
    static void platformAndBrowser() throws Exception {
        platform = new CallPlatform(dir);
        String parisUri = platform.location("Paris", Map.of());
        String londonUri = platform.location("London", Map.of("overflow_location1", parisUri));
        platform.licence(100);
        platform.service("Board", BOARD, Map.of());
        platform.service("Sales", SALES, Map.of());
        london = platform.node("lv-london", "127.0.1.156", londonUri, "CONFERENCING", "c5.large");
        platform.node("lv-paris", "127.0.1.157", parisUri, "CONFERENCING", "c5.large");
        platform.awaitReady();
        browser = Chromium.start(1280, 1000);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        platform.close();
    }

    @Test
    void showsEachNodesCallsRefreshesItselfAndDisconnectsAParticipant() throws Exception {
        ClientApiClient client = platform.client();
        List<ClientApiClient.Answer> calls = new ArrayList<>();
        for (String name : List.of("Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra")) {
            calls.add(client.requestToken(london, BOARD, name, "hd", null));
        }
        assertEquals("Paris", calls.get(3).result().get("system_location").asText(), "the fourth overflows");
        platform.awaitLocationTokens("Paris", 32);

        logIn();
        browser.get(base() + "/status/live-view/");
        String page = text("#live");
        assertTrue(page.contains("London") && page.contains("lv-london") && page.contains("Paris")
                && page.contains("lv-paris"), page);
        assertTrue(page.contains("64 of 64 media tokens (100 %), 0 free HD calls"), page);
        assertTrue(page.contains("Edsger Dijkstra") && page.contains("Ada Lovelace"), page);
        assertEquals("Edsger Dijkstra", browser.findElement(By.cssSelector("#node-lv-paris tbody td")).getText());

        // a call that comes while the page is open shows without a reload
        ClientApiClient.Answer late = client.requestToken(london, SALES, "Barbara Liskov", "sd", null);
        assertEquals("lv-paris", late.result().get("media_node").asText());
        Await.atMost(Duration.ofSeconds(10)).until("the new call on the page",
                () -> text("#node-lv-paris").contains("Barbara Liskov") ? true : null);
        Chromium.screenshot(browser, "live-view");

        browser.findElement(By.cssSelector("button[aria-label='Disconnect Grace Hopper']")).click();
        Await.atMost(Duration.ofSeconds(10)).until("the disconnection's message",
                () -> browser.getPageSource().contains("Disconnected Grace Hopper.") ? true : null);
        assertFalse(text("#live").contains("Grace Hopper"));
        assertEquals(403, client.refreshToken(london, BOARD, calls.get(1).token()).status());
        assertTrue(client.refreshToken(london, BOARD, calls.get(0).token()).success());
    }

    private static void logIn() throws InterruptedException {
        browser.get(base() + "/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("s3cret-for-test");
        browser.findElement(By.id("login")).click();
        Await.atMost(Duration.ofSeconds(10)).until("logged in",
                () -> browser.getCurrentUrl().contains("/login") ? null : true);
    }

    private static String base() {
        return platform.channel.api.baseUrl().replaceAll("/$", "");
    }

    private static String text(String cssSelector) {
        return browser.findElement(By.cssSelector(cssSelector)).getText();
    }

}
