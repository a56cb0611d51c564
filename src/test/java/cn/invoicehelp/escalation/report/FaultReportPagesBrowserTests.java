package cn.invoicehelp.escalation.report;

import cn.invoicehelp.support.BrowserTest;
import cn.invoicehelp.escalation.FaultReportStage;
import cn.invoicehelp.escalation.TrackingNumbers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A person on a phone-sized screen files a report on /help/report, then follows it on /help/track. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class FaultReportPagesBrowserTests extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    FaultReportDesk desk;

    @Test
    void filesAReportFromTheHelpCenterAndFollowsIt() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get("http://localhost:" + port + "/help");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("提交故障报告"))).click();
        wait.until(ExpectedConditions.urlContains("/help/report"));

        WebElement form = browser.findElement(By.id("report-form"));
        browser.findElement(By.id("invoiceNumbers")).sendKeys("12345678");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2025-03-10T09:30'",
                browser.findElement(By.id("occurredAt")));
        browser.findElement(By.id("description")).sendKeys("查不到");
        browser.findElement(By.id("phone")).sendKeys("138 0013 8000");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement descriptionError = browser.findElement(By.cssSelector(".field-error[data-for=description]"));
        wait.until(d -> !descriptionError.getText().isEmpty());
        assertThat(descriptionError.getText()).contains("太短");

        browser.findElement(By.id("description")).sendKeys("，查验平台提示查无此票 <b>页面报错</b>");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement tracking = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#receipt .tracking")));
        String number = tracking.getText();
        assertThat(TrackingNumbers.isValid(number)).isTrue();
        assertThat(browser.findElement(By.id("receipt")).getText()).contains("确认原因");

        desk.change(number, FaultReportStage.REPAIRING, "<b>已定位原因</b>，正在修复", null, "agent", false);

        browser.findElement(By.cssSelector("#receipt a")).click();
        wait.until(ExpectedConditions.urlContains("/help/track"));
        wait.until(d -> number.equals(d.findElement(By.id("trackingNumber")).getDomProperty("value")));
        browser.findElement(By.id("contact")).sendKeys("wrong@example.com");
        browser.findElement(By.cssSelector("#track-form button[type=submit]")).click();
        WebElement contactError = browser.findElement(By.cssSelector(".field-error[data-for=contact]"));
        wait.until(d -> contactError.getText().contains("没有找到"));

        browser.findElement(By.id("contact")).clear();
        browser.findElement(By.id("contact")).sendKeys("+86 13800138000");
        browser.findElement(By.cssSelector("#track-form button[type=submit]")).click();
        WebElement progress = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("progress")));
        wait.until(d -> progress.getText().contains("实施修复"));
        assertThat(progress.findElement(By.cssSelector(".timeline li.current")).getText()).contains("实施修复");
        assertThat(progress.findElement(By.cssSelector(".timeline li.done")).getText()).contains("确认原因");
        assertThat(progress.getText()).contains("<b>已定位原因</b>，正在修复");
        assertThat(progress.findElements(By.tagName("b"))).isEmpty();
    }
}
