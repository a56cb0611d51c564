package cn.invoicehelp.announcement;

import cn.invoicehelp.support.BrowserTest;
import cn.invoicehelp.escalation.TrackingNumbers;
import cn.invoicehelp.support.ClockedAppTest;
import cn.invoicehelp.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a browser: staff publish an announcement on /console/announcements and visitors see it; visitors subscribe to an
 * incident going on and to their own report on /help/report and /help/track.
 */
@ClockedAppTest
class StaffAndVisitorPagesBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    AnnouncementFixtures announcements;
    @Autowired
    IncidentDesk incidents;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;

    @BeforeEach
    void quietBoardAtTheRealTime() {
        announcements.endAll();
        clock.set(Instant.now()); // the pages show times of the browser; the server's clock is moved by other tests
        browser.manage().deleteAllCookies();
    }

    @AfterEach
    void quietBoard() {
        announcements.endAll();
    }

    /** Lists re-render while they load: an element replaced meanwhile is looked for again. */
    private org.openqa.selenium.support.ui.FluentWait<org.openqa.selenium.WebDriver> waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void staffPublishAnAnnouncementOnTheConsoleAndItIsInForceOnTheSiteAndTheApi() throws Exception {
        var wait = waiting();
        browser.get(url("/console/announcements"));
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("admin-test-password");
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.urlContains("/console"));
        browser.get(url("/console/announcements"));

        String title = "<i>发票查验</i>服务调整 " + UUID.randomUUID().toString().substring(0, 6);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='a-affects']")));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("a-kind"))).selectByValue("NOTICE");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("a-level"))).selectByValue("WARNING");
        browser.findElement(By.id("a-title")).sendKeys(title);
        browser.findElement(By.id("a-body")).sendKeys("今天 18:00 后查验结果可能延迟几分钟。");
        browser.findElement(By.cssSelector("input[name='a-affects'][value='VERIFY_INVOICE']")).click();
        browser.findElement(By.id("a-submit")).click();

        wait.until(ExpectedConditions.textToBe(By.id("message"), "公告已发布。"));
        WebElement row = wait.until(d -> d.findElements(By.cssSelector("#announcements tr")).stream()
                .filter(r -> r.getText().contains(title)).findFirst().orElse(null));
        assertThat(row.getText()).contains("通知");
        assertThat(browser.findElements(By.cssSelector("#announcements i"))).as("the title is text").isEmpty();

        HttpResponse<String> active = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/api/announcements/active"))).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode published = null;
        for (JsonNode a : json.readTree(active.body())) {
            if (title.equals(a.path("title").asString())) {
                published = a;
            }
        }
        assertThat(published).as(active.body()).isNotNull();
        assertThat(published.path("kind").asString()).isEqualTo("NOTICE");
        assertThat(published.path("level").asString()).isEqualTo("WARNING");
        assertThat(published.path("affects").toString()).contains("VERIFY_INVOICE");

        browser.get(url("/"));
        WebElement banner = wait.until(d -> d.findElements(By.cssSelector(".status-banner")).stream()
                .filter(b -> b.getText().contains(title)).findFirst().orElse(null));
        assertThat(banner.getText()).contains("今天 18:00 后查验结果可能延迟几分钟。");
        assertThat(banner.findElements(By.tagName("i"))).isEmpty();

        // Ending it on the console takes it off the site (kept in the history as ended).
        browser.get(url("/console/announcements"));
        WebElement again = wait.until(d -> d.findElements(By.cssSelector("#announcements tr")).stream()
                .filter(r -> r.getText().contains(title)).findFirst().orElse(null));
        again.findElements(By.tagName("button")).stream().filter(b -> b.getText().equals("立即结束")).findFirst()
                .orElseThrow().click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(d -> d.findElements(By.cssSelector("#announcements tr")).stream()
                .anyMatch(r -> r.getText().contains(title) && r.getText().contains("已结束")));
        HttpResponse<String> after = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/api/announcements/active"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.body()).doesNotContain(title);
    }

    @Test
    void visitorsSubscribeToTheIncidentGoingOnAndToTheirReportOnTheHelpPages() {
        String name = "开票服务中断 " + UUID.randomUUID().toString().substring(0, 6);
        long incident = incidents.open(new IncidentDesk.OpenForm(name, "部分企业无法开票", "CRITICAL",
                List.of("ISSUE_INVOICE"), null), "test").id();
        var wait = waiting();

        browser.get(url("/help/report"));
        browser.findElement(By.id("invoiceNumbers")).sendKeys("12345678");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id("occurredAt")), java.time.LocalDateTime.now(java.time.ZoneId.systemDefault())
                        .minusHours(1).withSecond(0).withNano(0).toString());
        browser.findElement(By.id("description")).sendKeys("开票时一直提示系统繁忙，无法开具");
        browser.findElement(By.id("phone")).sendKeys("138 0013 8000");
        browser.findElement(By.cssSelector("#report-form button[type=submit]")).click();
        String number = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#receipt .tracking")))
                .getText();
        assertThat(TrackingNumbers.isValid(number)).isTrue();

        // The report and the incident are offered; the phone just given is filled in.
        WebElement form = wait.until(d -> d.findElements(By.cssSelector("#subscribe-form input[name=target]")).size() == 2
                ? d.findElement(By.id("subscribe-form")) : null);
        assertThat(form.getText()).contains(number).contains(name);
        assertThat(browser.findElement(By.id("sub-phone")).getDomProperty("value")).isEqualTo("138 0013 8000");
        form.findElement(By.cssSelector("input[value='INCIDENT:" + incident + "']")).click();
        browser.findElement(By.id("sub-email")).sendKeys("wang.fang@example.com");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement consentError = form.findElement(By.cssSelector(".field-error[data-for=consent]"));
        wait.until(d -> !consentError.getText().isEmpty());
        assertThat(consentError.getText()).contains("同意");

        browser.findElement(By.id("sub-consent")).click();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement done = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#subscribe .subscribed p")));
        assertThat(done.getText()).contains("订阅成功").contains("138****8000").contains("w***@example.com")
                .doesNotContain("wang.fang");
        assertThat(subscription("INCIDENT", String.valueOf(incident))).containsEntry("source", "report-form")
                .containsEntry("phone_masked", "138****8000");

        // On the tracking page, after finding the report, its own progress.
        browser.get(url("/help/track?number=" + number));
        browser.findElement(By.id("contact")).sendKeys("+86 13800138000");
        browser.findElement(By.cssSelector("#track-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("progress")));
        WebElement trackForm = wait.until(d -> d.findElements(By.cssSelector("#subscribe-form input[value='REPORT:"
                + number + "']")).isEmpty() ? null : d.findElement(By.id("subscribe-form")));
        assertThat(trackForm.findElement(By.cssSelector("input[value='REPORT:" + number + "']")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("sub-phone")).getDomProperty("value")).isEqualTo("+86 13800138000");
        browser.findElement(By.id("sub-consent")).click();
        trackForm.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#subscribe .subscribed"), "订阅成功"));
        assertThat(subscription("REPORT", number)).containsEntry("source", "tracking-page");

        // 退订 on the page ends it at once.
        browser.findElement(By.cssSelector("#subscribe .subscribed button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#subscribe .subscribed"), "已退订"));
        assertThat(subscription("REPORT", number)).containsEntry("status", "UNSUBSCRIBED");
    }

    private Map<String, Object> subscription(String type, String target) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT source, phone_masked, status FROM "
                + "notification_subscription WHERE target_type = ? AND target_id = ?", type, target);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
