package cn.invoicehelp.knowledge;

import cn.invoicehelp.knowledge.internal.Feedbacks;
import cn.invoicehelp.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A person on a phone-sized screen searches the help center, opens the answer and says whether it helped. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class HelpCenterBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Feedbacks feedbacks;

    @Test
    void searchesOpensTheAnswerAndVotes() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get("http://localhost:" + port + "/help");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".category a")));

        WebElement input = browser.findElement(By.id("q"));
        input.sendKeys("校验码");
        WebElement suggestion = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#suggestions li")));
        assertThat(suggestion.getText()).contains("校验码");

        input.clear();
        input.sendKeys("今天刚开的发票为什么查不到", Keys.ENTER);
        WebElement best = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".result")));
        assertThat(best.findElement(By.cssSelector(".best")).getText()).isEqualTo("最佳答案");
        assertThat(best.findElements(By.tagName("mark"))).isNotEmpty();

        long before = feedbacks.countBySlugAndHelpful("same-day-invoice", true);
        best.findElement(By.tagName("a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#article h1")));
        assertThat(browser.getCurrentUrl()).endsWith("/help/articles/same-day-invoice");
        browser.findElement(By.cssSelector("#feedback button[data-helpful='true']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("feedback-status"), "感谢您的反馈!"));
        assertThat(feedbacks.countBySlugAndHelpful("same-day-invoice", true)).isEqualTo(before + 1);
    }

    @Test
    void showsTheAnsweringPassageAboveTheResultsAndSaysWhereToGoForOtherQuestions() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get("http://localhost:" + port + "/help?q=" + java.net.URLEncoder.encode("客服电话多少",
                java.nio.charset.StandardCharsets.UTF_8));
        WebElement answer = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));
        assertThat(answer.getText()).contains("12366");
        assertThat(answer.findElement(By.tagName("a")).getAttribute("href")).endsWith("/help/articles/support-hotline");

        browser.get("http://localhost:" + port + "/help?q=" + java.net.URLEncoder.encode("怎么申请增加票种",
                java.nio.charset.StandardCharsets.UTF_8));
        WebElement elsewhere = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("out-of-scope")));
        assertThat(elsewhere.getText()).contains("不在本服务范围内").contains("电子税务局");
        assertThat(browser.findElements(By.id("answer"))).isEmpty();
    }

    @Test
    void showsUserTextAsTextNeverAsMarkup() {
        browser.get("http://localhost:" + port + "/help?q=" + java.net.URLEncoder.encode(
                "<img src=x onerror=alert(1)>发票", java.nio.charset.StandardCharsets.UTF_8));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results p")));
        assertThat(browser.findElements(By.cssSelector("#results img"))).isEmpty();
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).startsWith("<img");
    }
}
