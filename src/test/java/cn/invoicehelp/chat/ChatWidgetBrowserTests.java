package cn.invoicehelp.chat;

import cn.invoicehelp.support.BrowserTest;
import cn.invoicehelp.announcement.AnnouncementBoard;
import cn.invoicehelp.announcement.AnnouncementRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat widget in a real browser, embedded in the demo invoice site exactly as a customer embeds it, talking to
 * the real assistant. Screenshots of the key states go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ChatWidgetBrowserTests extends BrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    @LocalServerPort
    int port;

    @Autowired
    EventLog log;

    @Autowired
    EventSender sender;

    @Autowired
    AnnouncementBoard announcements;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Every test starts as a new visitor: no stored conversation. */
    @BeforeEach
    void newVisitor() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/"));
        js("localStorage.clear(); sessionStorage.clear();");
        browser.navigate().refresh();
    }

    @Test
    void visitorOpensTheChatAsksAndGetsTheFaqAnswer() {
        WebElement launcher = shadow(".launcher");
        assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("false");
        launcher.sendKeys(Keys.ENTER);

        WebElement greeting = shadow("[data-seq='1']");
        assertThat(greeting.getText()).contains("北京发票自助服务中心");
        assertThat(texts(".quick button")).contains("发票查不到", "转人工", "我的发票在北京系统里查不到");
        assertThat(shadow(".log").getAttribute("role")).isEqualTo("log");
        assertThat(shadow(".log").getAttribute("aria-live")).isEqualTo("polite");
        assertThat(shadow(".head .handoff").getText()).isEqualTo("转人工");

        WebElement input = shadow("textarea#ih-input");
        assertThat(activeElementInWidget()).as("focus moves to the input").isEqualTo("ih-input");
        input.sendKeys("数电票开具后多久可以查验", Keys.ENTER);

        WebElement card = shadow(".card.faq");
        assertThat(card.findElement(By.cssSelector("a")).getAttribute("href")).contains("/help/articles/");
        assertThat(texts(".msg.user .bubble")).containsExactly("数电票开具后多久可以查验");
        assertThat(shadow(".head .status").getText()).isEqualTo("在线");
        assertThat(shadow(".typing").isDisplayed()).as("no typing indicator once the answer is there").isFalse();
        screenshot("widget-faq-answer-phone");

        // Escape closes the panel and gives the focus back to the launcher.
        input.sendKeys(Keys.ESCAPE);
        waitFor(d -> "false".equals(shadow(".launcher").getAttribute("aria-expanded")));
        assertThat(activeElementInWidget()).isEqualTo("launcher");
    }

    @Test
    void selfCheckWithButtonsEndsInAnInvoiceResult() {
        shadow(".launcher").click();
        shadow("[data-seq='1']");
        clickQuickReply("发票查不到");
        waitFor(d -> texts(".msg.bot .bubble").stream().anyMatch(t -> t.contains("其他网页能正常打开吗")));
        clickQuickReply("网络正常");
        waitFor(d -> texts(".msg.bot .bubble").stream().anyMatch(t -> t.contains("发票代码")));

        String number = String.valueOf(ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
        shadow("textarea#ih-input").sendKeys("发票代码 1100242130 发票号码 " + number + " 开票日期 2025年6月10日 金额 100.00",
                Keys.ENTER);

        WebElement card = shadow(".card.invoice");
        assertThat(card.findElement(By.cssSelector("h3")).getText()).startsWith("发票查验结果");
        assertThat(card.findElement(By.cssSelector(".tag")).getText()).isNotBlank();
        assertThat(texts(".msg.user .bubble")).startsWith("发票查不到", "网络正常");
        screenshot("widget-invoice-result-phone");

        browser.manage().window().setSize(new Dimension(360, 740));
        waitFor(d -> (Boolean) js("return window.innerWidth <= 360"));
        assertThat(shadow(".panel").getRect().getWidth()).as("full width on a phone").isGreaterThanOrEqualTo(340);
        assertThat(js("""
                const root = document.querySelector('invoicehelp-chat').shadowRoot;
                const panel = root.querySelector('.panel').getBoundingClientRect();
                const log = root.querySelector('.log');
                return panel.right <= window.innerWidth && log.scrollWidth <= log.clientWidth
                  && document.documentElement.scrollWidth <= window.innerWidth;""")).as("nothing sticks out at 360 px")
                .isEqualTo(true);

        browser.manage().window().setSize(new Dimension(1280, 800));
        screenshot("widget-invoice-result-desktop");
    }

    @Test
    void reloadShowsTheWholeHistory() {
        shadow(".launcher").click();
        shadow("[data-seq='1']");
        shadow("textarea#ih-input").sendKeys("校验码在哪里", Keys.ENTER);
        shadow(".card.faq");
        clickQuickReply("主菜单");
        waitFor(d -> logEntries().size() >= 5);
        List<String> before = logEntries();

        browser.navigate().refresh();
        shadow(".launcher").click();
        waitFor(d -> logEntries().size() >= before.size());

        assertThat(logEntries()).isEqualTo(before);
    }

    @Test
    void everyEventArrivesExactlyOnceAndInOrderWhileTheSocketIsCutEveryTwoSeconds() {
        browser.switchTo().newWindow(WindowType.TAB);
        try {
            controlSockets();
            browser.get(url("/"));
            shadow(".launcher").click();
            shadow("[data-seq='1']");

            List<String> questions = IntStream.rangeClosed(1, 12)
                    .mapToObj(i -> "第" + i + "个问题：" + (i % 2 == 0 ? "校验码在哪里" : "数电票怎么查验")).toList();
            WebElement input = shadow("textarea#ih-input");
            long next = System.nanoTime();
            int sent = 0;
            long end = System.nanoTime() + Duration.ofSeconds(14).toNanos();
            while (System.nanoTime() < end || sent < questions.size()) {
                if (sent < questions.size()) {
                    input.sendKeys(questions.get(sent++), Keys.ENTER);
                }
                pause(700);
                if (System.nanoTime() >= next) {
                    js("window.__cut()");
                    next = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
            assertThat(((Number) js("return window.__cuts")).intValue()).as("connections cut").isGreaterThanOrEqualTo(5);

            // Everything sent has been echoed and answered; the log is the server's log, once each and in order.
            new WebDriverWait(browser, Duration.ofSeconds(90)).until(d -> {
                List<JsonNode> stored = replay();
                long answers = stored.stream().filter(e -> "bot".equals(e.path("sender").asString(""))).count();
                return shadowAll(".msg.pending").isEmpty() && answers > questions.size()
                        && logEntries().size() == stored.size();
            });
            List<JsonNode> stored = replay();
            List<String> expected = stored.stream().map(e -> e.get("seq").asLong() + "|" + e.path("type").asString()
                    + "|" + e.path("sender").asString()).toList();
            assertThat(stored).extracting(e -> e.get("seq").asLong())
                    .containsExactlyElementsOf(LongStreamOf(stored.size()));
            assertThat(logEntryKeys()).containsExactlyElementsOf(expected);
            List<String> userTexts = texts(".msg.user .bubble");
            assertThat(userTexts).containsExactlyElementsOf(questions);
            assertThat(stored).filteredOn(e -> "error".equals(e.path("type").asString())).isEmpty();
        } finally {
            browser.close();
            browser.switchTo().window(browser.getWindowHandles().iterator().next());
        }
    }

    @Test
    void messagesWrittenOfflineAreKeptAndSentPacedUnderTheRateLimitWhenBackOnline() {
        browser.switchTo().newWindow(WindowType.TAB);
        try {
            controlSockets();
            browser.get(url("/"));
            shadow(".launcher").click();
            shadow("[data-seq='1']");
            waitFor(d -> "online".equals(shadow(".head .status").getAttribute("data-state")));

            js("window.__offline = true; window.__cut();");
            waitFor(d -> shadow(".offline").isDisplayed());
            assertThat(shadow(".head .status").getText()).isEqualTo("网络已断开，正在重新连接…");
            List<String> queued = IntStream.rangeClosed(1, 25).mapToObj(i -> "离线时写的第" + i + "条").toList();
            WebElement input = shadow("textarea#ih-input");
            queued.forEach(text -> input.sendKeys(text, Keys.ENTER));
            assertThat(shadowAll(".msg.pending")).hasSize(25);
            assertThat(shadow(".msg.pending .state").getText()).isEqualTo("发送中…");

            js("window.__offline = false; window.dispatchEvent(new Event('online'));");
            new WebDriverWait(browser, Duration.ofSeconds(90)).until(d -> shadowAll(".msg.pending").isEmpty()
                    && texts(".msg.user .bubble").size() == queued.size());

            assertThat(texts(".msg.user .bubble")).containsExactlyElementsOf(queued);
            assertThat(shadow(".offline").isDisplayed()).isFalse();
            assertThat(replay()).as("no message was refused for going too fast")
                    .noneMatch(e -> "error".equals(e.path("type").asString()));
        } finally {
            browser.close();
            browser.switchTo().window(browser.getWindowHandles().iterator().next());
        }
    }

    @Test
    void twoTabsOfTheSameVisitorBothUpdateLive() {
        shadow(".launcher").click();
        shadow("[data-seq='1']");
        shadow("textarea#ih-input").sendKeys("你好", Keys.ENTER);
        waitFor(d -> texts(".msg.user .bubble").contains("你好"));
        String first = browser.getWindowHandle();

        browser.switchTo().newWindow(WindowType.TAB);
        try {
            browser.get(url("/help"));
            shadow(".launcher").click();
            waitFor(d -> texts(".msg.user .bubble").contains("你好"));
            shadow("textarea#ih-input").sendKeys("这是第二个标签页", Keys.ENTER);
            waitFor(d -> texts(".msg.user .bubble").contains("这是第二个标签页"));

            browser.switchTo().window(first);
            waitFor(d -> texts(".msg.user .bubble").contains("这是第二个标签页"));
            shadow("textarea#ih-input").sendKeys("回到第一个标签页", Keys.ENTER);
            String second = browser.getWindowHandles().stream().filter(h -> !h.equals(first)).findFirst().orElseThrow();

            browser.switchTo().window(second);
            waitFor(d -> texts(".msg.user .bubble").contains("回到第一个标签页"));
            assertThat(texts(".msg.user .bubble")).containsExactly("你好", "这是第二个标签页", "回到第一个标签页");
            browser.close();
        } finally {
            browser.switchTo().window(first);
        }
        waitFor(d -> logEntries().size() >= 7);
        assertThat(texts(".msg.user .bubble")).containsExactly("你好", "这是第二个标签页", "回到第一个标签页");
    }

    @Test
    void queueAgentReportAndClosingAreShownAndTheVisitorIsAskedForARating() {
        shadow(".launcher").click();
        shadow("[data-seq='1']");
        UUID conversation = UUID.fromString(session().get("conversationId").asString());
        shadow(".close").click();

        // What the hand-off queue, an agent and the fault-report desk send into a conversation.
        push(conversation, new NewEvent("handoff", "bot", "正在为您转接人工客服，请稍候。", null, false, null, null,
                "{\"kind\":\"queue\",\"position\":3,\"estimatedWaitSeconds\":240}"));
        push(conversation, NewEvent.system("system", "人工客服 小王 已接入", null));
        push(conversation, new NewEvent("message", "agent", "您好，我是小王，我来帮您看看。", null, false, null, null, null));
        push(conversation, new NewEvent("report", "agent", "已为您提交故障报告。", null, false, null, null,
                "{\"kind\":\"report\",\"trackingNumber\":\"BJ20261130-0042\",\"stage\":\"CONFIRMING\","
                        + "\"stageLabel\":\"确认问题\",\"dueAt\":\"2026-11-30T08:00:00Z\"}"));
        push(conversation, new NewEvent("card", "bot", null, null, false, null, null, "{\"kind\":\"hologram\"}"));

        waitFor(d -> "4".equals(shadow(".launcher .badge").getText()));
        assertThat(shadow(".launcher").getAttribute("aria-label")).contains("4 条未读");
        shadow(".launcher").click();
        waitFor(d -> shadowAll(".launcher .badge").stream().noneMatch(WebElement::isDisplayed));

        // position 3 = two people ahead (position 1 is next in line)
        assertThat(shadow(".card.queue").getText()).contains("您前面还有 2 位", "预计等待约 4 分钟");
        push(conversation, new NewEvent("handoff", "bot", "排队位置更新。", null, false, null, null,
                "{\"kind\":\"queue\",\"position\":0,\"estimatedWaitSeconds\":30}"));
        waitFor(d -> shadowAll(".card.queue").stream().filter(WebElement::isDisplayed).count() == 1
                && shadowAll(".card.queue").size() == 2);
        assertThat(shadowAll(".card.queue").get(1).getText()).contains("马上就轮到您了");
        assertThat(texts(".msg.agent .bubble")).contains("您好，我是小王，我来帮您看看。", "已为您提交故障报告。");
        assertThat(texts(".msg.system .bubble")).contains("人工客服 小王 已接入");
        WebElement report = shadow(".card.report");
        assertThat(report.findElement(By.cssSelector("code")).getText()).isEqualTo("BJ20261130-0042");
        assertThat(report.getText()).contains("确认问题");
        assertThat(report.findElement(By.cssSelector("a")).getAttribute("href")).endsWith("/help/track?number=BJ20261130-0042");
        report.findElement(By.cssSelector("button")).click();
        waitFor(d -> !report.findElement(By.cssSelector(".copyrow .muted[aria-live]")).getText().isEmpty());
        assertThat(shadowAll("[data-type='card']")).as("a card kind this version does not know is left out").isEmpty();
        screenshot("widget-agent-report-phone");

        push(conversation, new NewEvent("closed", "system", "人工客服已结束本次对话。", null, false, null, null, null));
        WebElement rating = shadow("form.rating");
        rating.findElements(By.cssSelector(".stars button")).get(3).click();
        assertThat(rating.getText()).contains("满意");
        rating.findElement(By.cssSelector("textarea")).sendKeys("很快就解决了");
        String body = (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const original = window.fetch;
                window.fetch = (url, init) => {
                  if (String(url).endsWith('/rating')) { window.fetch = original; done(init.headers.Authorization.length + '|' + init.body); }
                  return original(url, init);
                };
                arguments[0].click();""", rating.findElement(By.cssSelector(".submit")));
        assertThat(body).endsWith("|{\"score\":4,\"comment\":\"很快就解决了\"}");
        assertThat(shadow(".newconv").getText()).isEqualTo("开始新的对话");

        // A new conversation: the closed one is forgotten, on the page and in the stored session.
        shadow(".newconv").click();
        waitFor(d -> {
            String stored = (String) js("return localStorage.getItem('invoicehelp-chat:' + location.origin)");
            return stored != null && !stored.contains(conversation.toString()) && !shadowAll("[data-seq='1']").isEmpty();
        });
        assertThat(shadowAll(".card.report, form.rating, .newconv")).isEmpty();
    }

    /**
     * Wraps the page's WebSocket before any script runs: {@code __cut()} closes every open socket, {@code __offline}
     * makes new ones fail as if the network were down.
     */
    private void controlSockets() {
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                (() => {
                  const Native = window.WebSocket;
                  const open = [];
                  window.__cuts = 0;
                  window.__offline = false;
                  window.WebSocket = class extends Native {
                    constructor(url, protocols) {
                      super(window.__offline ? 'ws://127.0.0.1:9/' : url, protocols);
                      open.push(this);
                    }
                  };
                  window.__cut = () => {
                    for (const s of open.splice(0)) {
                      if (s.readyState <= 1) { s.close(); window.__cuts++; }
                    }
                  };
                })();"""));
    }

    private void push(UUID conversation, NewEvent event) {
        sender.send(conversation, log.append(conversation, locked -> locked.append(event)));
    }

    @Test
    void activeAnnouncementIsShownAsABannerUntilDismissed() {
        long id = announcements.publish(new AnnouncementRequest.Form("NOTICE", "WARNING", "春节假期服务安排",
                "2月1日至2月7日人工客服 9:00-17:00 在线。<b>请留意</b>", List.of("LOGIN"), null, null), "test").id();
        try {
            browser.navigate().refresh();
            shadow(".launcher").click();
            WebElement banner = shadow(".banner");
            waitFor(d -> banner.isDisplayed());
            assertThat(banner.getText()).contains("春节假期服务安排", "人工客服 9:00-17:00 在线。<b>请留意</b>");
            assertThat(banner.getAttribute("role")).isEqualTo("status");
            banner.findElement(By.cssSelector("button")).click();
            assertThat(banner.isDisplayed()).isFalse();
        } finally {
            announcements.end(id);
        }
    }

    @Test
    void duringMaintenanceTheVisitorSubscribesOnTheSubscribeCardAndCanUnsubscribe() {
        long id = announcements.publish(new AnnouncementRequest.Form("MAINTENANCE", "WARNING",
                "<b>系统升级</b>维护", "今晚暂停开票和查验。", List.of("ISSUE_INVOICE", "VERIFY_INVOICE"), null,
                java.time.Instant.now().plus(Duration.ofHours(2)).toString()), "test").id();
        try {
            browser.navigate().refresh();
            shadow(".launcher").click();
            shadow("[data-seq='1']");
            shadow("textarea#ih-input").sendKeys("我的发票在北京系统里查不到", Keys.ENTER);
            waitFor(d -> texts(".msg.bot .bubble").stream().anyMatch(t -> t.contains("维护")));
            clickQuickReply("订阅进展通知");

            WebElement card = shadow("form.card.subscribe");
            assertThat(card.getAttribute("data-target")).isEqualTo("ANNOUNCEMENT:" + id);
            assertThat(card.findElement(By.cssSelector("h3")).getText()).isEqualTo("订阅进展通知：<b>系统升级</b>维护");
            assertThat(shadowAll("form.card.subscribe b")).as("the title is text").isEmpty();
            assertThat(card.findElement(By.cssSelector(".consent")).getText()).contains("我同意");
            WebElement phone = card.findElement(By.cssSelector("input[type='tel']"));
            WebElement submit = card.findElement(By.cssSelector("button[type='submit']"));

            // Nothing is sent without consent; a wrong number gets the server's own message.
            phone.sendKeys("12345");
            submit.click();
            waitFor(d -> card.findElement(By.cssSelector(".result")).getText().contains("请先勾选同意"));
            card.findElement(By.cssSelector(".consent input")).click();
            submit.click();
            waitFor(d -> card.findElement(By.cssSelector(".result")).getText().contains("手机号格式不对"));

            phone.clear();
            phone.sendKeys("138 0013 8000");
            card.findElement(By.cssSelector("input[type='email']")).sendKeys("zhang.wei@example.com");
            submit.click();
            WebElement done = waitFor(d -> shadowAll("form.card.subscribe p[role='status']").stream()
                    .filter(p -> p.getText().contains("订阅成功")).findFirst().orElse(null));
            assertThat(done.getText()).contains("138****8000").contains("z***@example.com")
                    .doesNotContain("13800138000").doesNotContain("zhang.wei");
            assertThat(jdbc.queryForList("SELECT phone_masked, source, status FROM notification_subscription "
                    + "WHERE target_type = 'ANNOUNCEMENT' AND target_id = ?", String.valueOf(id)))
                    .singleElement().satisfies(row -> {
                        assertThat(row.get("phone_masked")).isEqualTo("138****8000");
                        assertThat(row.get("source")).isEqualTo("chat");
                        assertThat(row.get("status")).isEqualTo("ACTIVE");
                    });
            screenshot("widget-subscribe-phone");

            // After a reload the card remembers it (masked), and 退订 ends it.
            browser.navigate().refresh();
            shadow(".launcher").click();
            WebElement again = waitFor(d -> shadowAll("form.card.subscribe").stream()
                    .filter(f -> f.getText().contains("订阅成功")).findFirst().orElse(null));
            again.findElement(By.cssSelector("button")).click();
            waitFor(d -> shadowAll("form.card.subscribe").stream().anyMatch(f -> f.getText().contains("已退订")));
            assertThat(jdbc.queryForObject("SELECT status FROM notification_subscription WHERE target_type = "
                    + "'ANNOUNCEMENT' AND target_id = ?", String.class, String.valueOf(id))).isEqualTo("UNSUBSCRIBED");
        } finally {
            announcements.end(id);
        }
    }

    @Test
    void unreadMessagesAreCountedInThePageTitleWhileTheTabIsHidden() {
        shadow(".launcher").click();
        shadow("[data-seq='1']");
        UUID conversation = UUID.fromString(session().get("conversationId").asString());
        String title = browser.getTitle();
        js("""
                Object.defineProperty(document, 'hidden', {configurable: true, get: () => true});
                document.dispatchEvent(new Event('visibilitychange'));""");

        push(conversation, new NewEvent("message", "agent", "您还在吗？", null, false, null, null, null));
        push(conversation, new NewEvent("message", "agent", "我们查到原因了。", null, false, null, null, null));
        waitFor(d -> browser.getTitle().equals("(2条新消息) " + title));

        js("""
                delete document.hidden;
                document.dispatchEvent(new Event('visibilitychange'));""");
        waitFor(d -> browser.getTitle().equals(title));
        assertThat(shadowAll(".launcher .badge")).noneMatch(WebElement::isDisplayed);
    }

    @Test
    void markupInMessagesIsShownAsText() {
        shadow(".launcher").click();
        shadow("[data-seq='1']");
        String markup = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"><b>粗体</b>";
        shadow("textarea#ih-input").sendKeys(markup, Keys.ENTER);

        waitFor(d -> texts(".msg.user .bubble").contains(markup));
        assertThat(shadowAll(".log img")).isEmpty();
        assertThat(shadowAll(".log b")).isEmpty();
        assertThat(shadowAll(".log script")).isEmpty();
        assertThat(js("return window.__pwned === undefined")).isEqualTo(true);
    }

    @Test
    void hostPageStylesStayAsTheyWereAndDoNotLeakIntoTheWidget() {
        browser.get(url("/test/host-page.html"));
        WebElement launcher = shadow(".launcher");
        launcher.click();
        shadow("[data-seq='1']");

        assertThat(js("return JSON.stringify(window.snapshotStyles())"))
                .isEqualTo(js("return JSON.stringify(window.stylesBefore)"));
        assertThat(launcher.getCssValue("background-color")).isEqualTo("rgba(200, 16, 46, 1)");
        assertThat(launcher.getCssValue("border-top-width")).isEqualTo("0px");
        assertThat(shadow(".log .bubble").getCssValue("font-size")).isEqualTo("14px");
        assertThat(shadow(".typing").isDisplayed()).as("the page's [hidden] rule does not reach the widget").isFalse();
        screenshot("widget-on-hostile-page");
    }

    // ---- helpers ----

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private SearchContext root() {
        return browser.findElement(By.cssSelector("invoicehelp-chat")).getShadowRoot();
    }

    /** Waits for an element inside the widget's shadow root. */
    private WebElement shadow(String css) {
        return waitFor(d -> {
            List<WebElement> found = shadowAll(css);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private List<WebElement> shadowAll(String css) {
        if (browser.findElements(By.cssSelector("invoicehelp-chat")).isEmpty()) {
            return List.of();
        }
        return root().findElements(By.cssSelector(css));
    }

    /** The text of each matching element, read in one script run so a re-render in between cannot make it stale. */
    @SuppressWarnings("unchecked")
    private List<String> texts(String css) {
        return new ArrayList<>((List<String>) ((JavascriptExecutor) browser).executeScript("""
                const host = document.querySelector('invoicehelp-chat');
                if (!host || !host.shadowRoot) return [];
                return Array.from(host.shadowRoot.querySelectorAll(arguments[0]),
                    e => e.firstChild ? e.firstChild.textContent : '');""", css));
    }

    @SuppressWarnings("unchecked")
    private List<String> logEntries() {
        return (List<String>) js("""
                return Array.from(document.querySelector('invoicehelp-chat').shadowRoot.querySelectorAll('[data-seq]'))
                  .map(e => e.dataset.seq + '|' + e.textContent);""");
    }

    @SuppressWarnings("unchecked")
    private List<String> logEntryKeys() {
        return (List<String>) js("""
                return Array.from(document.querySelector('invoicehelp-chat').shadowRoot.querySelectorAll('[data-seq]'))
                  .map(e => e.dataset.seq + '|' + e.dataset.type + '|' + e.className.split(' ')[1]);""");
    }

    private String activeElementInWidget() {
        return (String) js("""
                const a = document.querySelector('invoicehelp-chat').shadowRoot.activeElement;
                return a ? (a.id || a.className) : null;""");
    }

    private void clickQuickReply(String label) {
        // Quick replies are replaced when the next message arrives: a button gone meanwhile is looked for again.
        waitFor(d -> {
            try {
                WebElement button = shadowAll(".quick button").stream()
                        .filter(b -> b.getText().equals(label)).findFirst().orElse(null);
                if (button == null) {
                    return false;
                }
                button.click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
    }

    private JsonNode session() {
        return ChatClient.JSON.readTree((String) js("return localStorage.getItem('invoicehelp-chat:' + location.origin)"));
    }

    /** The conversation as the server stored it, read with the visitor's own token. */
    private List<JsonNode> replay() {
        JsonNode session = session();
        return new ChatClient(port).replay(new ChatClient.Session(session.get("conversationId").asString(),
                session.get("token").asString()), 0);
    }

    private static List<Long> LongStreamOf(int n) {
        return java.util.stream.LongStream.rangeClosed(1, n).boxed().toList();
    }

    private <T> T waitFor(Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
