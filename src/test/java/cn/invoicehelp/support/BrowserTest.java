package cn.invoicehelp.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A test class that drives one headless Chromium for all its tests: skipped with the reason where Chromium is not
 * installed, failed when {@code CI=true} (see {@link Browser#requireAvailable()}).
 */
public abstract class BrowserTest {

    protected static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }
}
