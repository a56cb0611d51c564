package cn.invoicehelp.announcement;

import cn.invoicehelp.support.BrowserTest;
import cn.invoicehelp.support.ClockedAppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The help center and the homepage show what is in force as a banner, its text as text. */
@ClockedAppTest
class AnnouncementBannerBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    AnnouncementFixtures announcements;
    @Autowired
    AnnouncementBoard board;
    @Autowired
    cn.invoicehelp.support.TestClock clock;

    @AfterEach
    void quietBoard() {
        announcements.endAll();
    }

    @Test
    void helpCenterAndHomepageShowTheBannerWithScriptTagsAsText() {
        announcements.endAll();
        clock.set(java.time.Instant.now()); // the page reads the list at the server's clock, which this context moves
        board.publish(new AnnouncementRequest.Form("MAINTENANCE", "CRITICAL", "<script>window.pwned=1</script>系统升级",
                "<img src=x onerror=\"window.pwned=2\">今晚 22:00 起暂停开票", List.of("ISSUE_INVOICE"), null,
                clock.instant().plus(Duration.ofHours(2)).toString()), "test");

        for (String page : List.of("/help", "/")) {
            browser.get("http://localhost:" + port + page);
            WebElement banner = new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".status-banner")));
            assertThat(banner.findElement(By.className("status-banner-title")).getText())
                    .isEqualTo("<script>window.pwned=1</script>系统升级");
            assertThat(banner.getText()).contains("<img src=x onerror=\"window.pwned=2\">今晚 22:00 起暂停开票")
                    .contains("维护通知").contains("预计结束");
            assertThat(browser.executeScript("return window.pwned === undefined")).isEqualTo(true);
            assertThat(banner.findElements(By.tagName("script"))).isEmpty();
            assertThat(banner.findElements(By.tagName("img"))).isEmpty();
        }
    }
}
