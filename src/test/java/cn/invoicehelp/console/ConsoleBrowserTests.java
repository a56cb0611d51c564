package cn.invoicehelp.console;

import cn.invoicehelp.support.BrowserTest;
import cn.invoicehelp.chat.ChatClient;
import cn.invoicehelp.chat.ChatSocketTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

import static cn.invoicehelp.chat.ChatClient.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An agent signs in with a browser, sees a hostile visitor message as plain text, takes over and answers. */
@ChatSocketTest
class ConsoleBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;

    /** Each test signs in as its own agent. */
    private void signOut() {
        browser.get("http://localhost:" + port + "/login");
        browser.manage().deleteAllCookies();
    }

    @Test
    void anAgentLogsInTakesOverAndAnswersAVisitorWithEverythingShownAsText() {
        String username = StaffClient.createAgent(port, "浏览器客服", "browser-password");
        String hostile = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>"
                + "\u202Egnp.exe\u202C 零\u200B宽";

        ChatClient chat = new ChatClient(port);
        ChatClient.Session session = chat.open();
        try (var visitor = chat.connect(session.token())) {
            visitor.sendText(hostile);
            visitor.await(from("bot"));
            visitor.sendAction("handoff");
            visitor.await(e -> "queue".equals(e.path("card").path("kind").asString("")));

            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            signOut();
            browser.get("http://localhost:" + port + "/console");
            wait.until(ExpectedConditions.urlContains("/login"));
            browser.findElement(By.id("username")).sendKeys(username);
            browser.findElement(By.id("password")).sendKeys("browser-password");
            browser.findElement(By.id("login")).click();
            wait.until(ExpectedConditions.textToBe(By.id("connection"), "已连接"));

            By item = By.cssSelector("#queue li[data-conversation='" + session.conversationId() + "']");
            wait.until(ExpectedConditions.elementToBeClickable(item)).click();
            WebElement transcript = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("transcript")));
            wait.until(d -> transcript.getText().contains("<img src=x"));
            assertThat(transcript.getText()).contains("<img src=x onerror=\"window.pwned=1\">",
                    "<script>window.pwned=2</script>", "[U+202E]gnp.exe[U+202C]", "零[U+200B]宽");
            assertThat(browser.findElements(By.cssSelector("#transcript img, #transcript script"))).isEmpty();
            assertThat(browser.executeScript("return window.pwned === undefined")).isEqualTo(true);
            assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);

            wait.until(ExpectedConditions.elementToBeClickable(By.id("claim"))).click();
            wait.until(ExpectedConditions.textToBe(By.id("conv-status"), "由您接待中"));
            assertThat(visitor.await(e -> "system".equals(e.path("type").asString(""))).path("text").asString())
                    .isEqualTo("人工客服 浏览器客服 已接入");

            browser.findElement(By.id("reply-text")).sendKeys("您好，我是人工客服，请稍等。");
            browser.findElement(By.id("send")).click();
            JsonNode reply = visitor.await(from("agent"));
            assertThat(reply.path("text").asString()).isEqualTo("您好，我是人工客服，请稍等。");

            visitor.sendText("好的，谢谢");
            wait.until(d -> transcript.getText().contains("好的，谢谢"));
        }
    }

    @Test
    void anAgentOpensAFaultReportAndMovesItToTheNextStage() throws Exception {
        String username = StaffClient.createAgent(port, "报告客服", "browser-password");
        StaffClient admin = StaffClient.admin(port);
        String occurred = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).minusHours(1)
                .withNano(0).toString();
        // The visitor chatted first; the report names that conversation, so staff get its transcript.
        ChatClient chat = new ChatClient(port);
        ChatClient.Session session = chat.open();
        try (var visitor = chat.connect(session.token())) {
            visitor.sendText("<i>开票失败</i>，我的电话 13900001111");
            visitor.await(from("bot"));
        }
        var filed = new StaffClient(port).post("/api/fault-reports", Map.of("occurredAt", occurred,
                "description", "<b>开票三天</b>还查不到", "phone", "13800138000",
                "conversationId", session.conversationId()));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String tracking = ChatClient.JSON.readTree(filed.body()).path("trackingNumber").asString();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!admin.json(admin.get("/api/console/fault-reports/" + tracking)).path("transcript").isArray()) {
            assertThat(System.nanoTime()).as("transcript attached").isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signOut();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("browser-password");
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.textToBe(By.id("connection"), "已连接"));

        browser.findElement(By.cssSelector(".tab[data-tab='reports']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#report-list li[data-tracking='" + tracking + "']"))).click();
        WebElement detail = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#report-detail h3")));
        assertThat(detail.getText()).contains(tracking);
        assertThat(browser.findElement(By.id("report-detail")).getText()).contains("<b>开票三天</b>还查不到");
        WebElement transcriptLines = browser.findElement(By.cssSelector("#report-detail .report-transcript"));
        assertThat(transcriptLines.getText()).contains("访客：<i>开票失败</i>，我的电话 139****1111")
                .doesNotContain("13900001111");
        assertThat(browser.findElements(By.cssSelector("#report-detail .report-transcript li *, #report-detail .text *")))
                .as("text from visitors stays text").isEmpty();
        browser.findElement(By.cssSelector("#report-detail .public-note")).sendKeys("已确认原因，正在修复。");
        browser.findElement(By.cssSelector("#report-detail .stage-button[data-stage='REPAIRING']")).click();
        wait.until(d -> d.findElement(By.id("report-detail")).getText().contains("实施修复")
                && !d.findElements(By.cssSelector("#report-detail .stage-button[data-stage='TESTING']")).isEmpty()
                && d.findElements(By.cssSelector("#report-detail .stage-button[data-stage='REPAIRING']")).isEmpty());

        var stored = admin.json(admin.get("/api/console/fault-reports/" + tracking));
        assertThat(stored.path("report").path("stage").asString()).isEqualTo("REPAIRING");
    }

    @Test
    void anAdminDisablesAnAgentOnTheAccountsPageAndSeesWhyACreationWasRefused() {
        String username = StaffClient.createAgent(port, "<b>停用</b>测试", "browser-password");
        StaffClient admin = StaffClient.admin(port);

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signOut();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(StaffClient.ADMIN_PASSWORD);
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.get("http://localhost:" + port + "/console/agents");

        By row = By.xpath("//tbody[@id='agents']/tr[td[1]='" + username + "']");
        WebElement agent = wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(agent.getText()).contains("<b>停用</b>测试", "启用 · 离线");
        agent.findElement(By.xpath(".//button[.='停用']")).click();
        // the list is drawn again after the change: look the row up afresh
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "已停用"));
        assertThat(admin.json(admin.get("/api/console/agents"))).filteredOn(a -> username.equals(
                a.path("username").asString())).singleElement().satisfies(a -> assertThat(a.path("enabled")
                .asBoolean()).isFalse());

        browser.findElement(By.id("agent-username")).sendKeys(username);
        browser.findElement(By.id("agent-display")).sendKeys("重复");
        browser.findElement(By.id("agent-password")).sendKeys("browser-password");
        browser.findElement(By.cssSelector("#new-agent button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("message"), "用户名 " + username + " 已存在。"));
    }
}
