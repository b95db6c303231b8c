package dev.confab.localcloud.testing;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Debian's headless Chromium for browser tests, trusting the platform's self-signed certificates. */
public final class Chromium {

    private Chromium() {
    }

    /** A browser of {@code width} × {@code height} pixels; the caller quits it. */
    public static ChromeDriver start(int width, int height) {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic", "--window-size=" + width + "," + height);
        options.setAcceptInsecureCerts(true);
        return new ChromeDriver(options);
    }

    /** Saves what {@code browser} shows as the repository's {@code docs/screenshots/<name>.png}. */
    public static void screenshot(ChromeDriver browser, String name) throws IOException {
        Path module = Path.of("").toAbsolutePath();
        Path root = Files.exists(module.resolve("../docs")) ? module.getParent() : module;
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, root.resolve("docs/screenshots/" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
