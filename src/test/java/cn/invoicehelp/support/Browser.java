package cn.invoicehelp.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Headless Debian Chromium for browser tests; nothing is downloaded (.ci/run installs chromium and chromium-driver).
 * Without them a browser test is skipped with the reason on the console, except in CI ({@code CI=true}) where it
 * fails: a build that silently ran no browser test must not look green.
 */
public final class Browser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final String MISSING = "browser tests need " + CHROMIUM + " and " + DRIVER
            + " (apt-get install chromium chromium-driver fonts-wqy-microhei)";

    private Browser() {
    }

    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    /** Skips the calling test (or fails it in CI) when Chromium or its driver is missing. */
    public static void requireAvailable() {
        require(available(), System.getenv());
    }

    static void require(boolean available, Map<String, String> environment) {
        if (available) {
            return;
        }
        if ("true".equalsIgnoreCase(environment.getOrDefault("CI", ""))) {
            Assertions.fail("CI=true and " + MISSING);
        }
        System.err.println("SKIPPED: " + MISSING);
        Assumptions.abort(MISSING);
    }

    public static ChromeDriver start() {
        requireAvailable();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=390,844", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).build();
        return new ChromeDriver(service, options);
    }
}
