package dev.confab.localcloud;

import dev.confab.conferencing.ConferencingAgent;
import dev.confab.conferencing.ConferencingConfig;
import dev.confab.conferencing.admission.AdmissionConfig;
import dev.confab.shared.testing.Await;
import dev.confab.localcloud.testing.InProcessPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The upload page in headless Chromium, as an operator uses it: choose the file, submit, read the outcome. */
@Timeout(90)
class UploadPageBrowserIT {

    static final String ADDRESS = "127.0.1.80";

    @RegisterExtension
    static final InProcessPlatform platform = new InProcessPlatform();
    static final AtomicInteger restarts = new AtomicInteger();
    static ConferencingAgent agent;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        agent = ConferencingAgent.create(ConferencingConfig.defaults(platform.directory().resolve("page-node"),
                Files.createDirectories(platform.directory().resolve("page-root")), ADDRESS).withProvisioningPort(0)
                        .withAdmission(new AdmissionConfig(0, 0, AdmissionConfig.DEFAULT_TOKEN_LIFETIME)),
                restarts::incrementAndGet).start();
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic");
        options.setAcceptInsecureCerts(true);
        browser = new ChromeDriver(options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        agent.stop();
    }

    private static void uploadThroughThePage(Path file) {
        browser.get("https://" + ADDRESS + ":" + agent.provisioningPort() + "/");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("upload")).click();
    }

    /** The element with {@code id} once the page that the submit loads shows it (form posts load asynchronously). */
    private static String awaitText(String id) throws InterruptedException {
        return Await.atMost(Duration.ofSeconds(10)).showing(browser::getPageSource).until("#" + id + " on the page",
                () -> browser.findElements(By.id(id)).stream().findFirst().map(WebElement::getText).orElse(null));
    }

    @Test
    void showsTheErrorOnThePageThenConfiguresTheNodeWithTheRightFile() throws Exception {
        // Given the file of another node, then the node's own
        Path wrong = platform.directory().resolve("pexip-other.xml");
        Files.write(wrong, platform.addNode("page-other", "10.80.0.2").file().content());
        InProcessPlatform.AddedNode node = platform.addNode("page-cn1", ADDRESS);
        Path right = platform.directory().resolve(node.file().name());
        Files.write(right, node.file().content());

        // When the operator uploads the wrong file, the page says why and the node stays unconfigured
        uploadThroughThePage(wrong);
        String error = awaitText("error");
        // naming only the file's address: the page asks for no login, so it never lists this host's
        assertTrue(error.contains("10.80.0.2") && !error.contains(ADDRESS), error);
        assertTrue(browser.findElement(By.id("state")).getText().contains("not configured"));

        // And when the operator uploads the right one, the page confirms it and the node enrols
        uploadThroughThePage(right);
        String result = awaitText("result");
        assertTrue(result.contains("Configured as page-cn1.confab.local"), result);
        assertEquals("ENROLLED", platform.enrolmentStatus(node.id()));

        // Then the page shows the node configured and offers no form
        browser.get("https://" + ADDRESS + ":" + agent.provisioningPort() + "/");
        assertTrue(browser.findElement(By.id("state")).getText().contains("is configured"));
        assertTrue(browser.findElements(By.id("file")).isEmpty());
    }
}
