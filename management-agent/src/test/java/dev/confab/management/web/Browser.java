package dev.confab.management.web;

import dev.confab.management.testing.RunningNode;
import dev.confab.management.web.views.Chrome;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One headless Debian Chromium for a test class, driven by Selenium, against a {@link RunningNode}.
 * Screenshots go to the repository's {@code docs/screenshots/}. Register as a static extension field.
 */
final class Browser implements BeforeAllCallback, AfterAllCallback {

    private final RunningNode node;
    private Path profile;
    private WebDriver driver;

    Browser(RunningNode node) {
        this.node = node;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        profile = Files.createTempDirectory("confab-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.setAcceptInsecureCerts(true);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1366,900", "--user-data-dir=" + profile);
        driver = new ChromeDriver(options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(node.uri(path).toString());
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    WebElement find(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector));
    }

    /** Replaces the text of an input. */
    void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    void choose(String id, String visibleText) {
        new Select(driver.findElement(By.id(id))).selectByVisibleText(visibleText);
    }

    /** Clicks a link or button that loads a new page, and waits until the new page is there. */
    void click(String id) {
        WebElement element = driver.findElement(By.id(id));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ignored -> isGone(element));
    }

    /** Whether the page that held {@code element} has been replaced. */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException gone) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            // in the middle of a navigation Chrome may answer this instead of a stale reference
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Scrolls the page so the element is at the top of the window. */
    void scrollTo(String id) {
        ((ChromeDriver) driver).executeScript("arguments[0].scrollIntoView(true);", driver.findElement(By.id(id)));
    }

    String text(String cssSelector) {
        return find(cssSelector).getText();
    }

    /** Saves what the browser shows as {@code docs/screenshots/<name>.png}. */
    void screenshot(String name) {
        Path target = screenshots().resolve(name + ".png");
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path screenshots() {
        Path module = Path.of("").toAbsolutePath();
        Path root = Files.exists(module.resolve("../docs")) ? module.getParent() : module;
        return root.resolve("docs/screenshots");
    }
}
