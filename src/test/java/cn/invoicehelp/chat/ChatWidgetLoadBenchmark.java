package cn.invoicehelp.chat;

import cn.invoicehelp.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;


/**
 * Widget size and cold load time in headless Chromium (cache disabled, storage empty, every run a new visitor):
 * script downloaded, widget mounted (launcher shown), and launcher click to greeting on screen (opens a conversation,
 * connects the WebSocket, subscribes, replays). Once on the plain local connection, once with a simulated slow mobile
 * network (150 ms latency, 1.6 Mbit/s down). Not a test: run with
 * {@code mvn -B -q test -Dtest=ChatWidgetLoadBenchmark [-Dwidget.bench.runs=15]}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ChatWidgetLoadBenchmark {

    @LocalServerPort
    int port;

    @Test
    void coldLoad() throws Exception {
        Browser.requireAvailable();
        byte[] bundle = Files.readAllBytes(Path.of("target/classes/static/widget/chat-widget.js"));
        var gz = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(gz)) {
            out.write(bundle);
        }
        System.out.printf("%nwidget bundle: %.1f KB, gzip %.1f KB%n", bundle.length / 1024.0, gz.size() / 1024.0);

        int runs = Integer.getInteger("widget.bench.runs", 15);
        ChromeDriver browser = Browser.start();
        try {
            browser.executeCdpCommand("Network.enable", Map.of());
            browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
            measure(browser, "warm-up", 3);
            measure(browser, "local", runs);
            browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 150,
                    "downloadThroughput", 1_600_000 / 8, "uploadThroughput", 750_000 / 8));
            measure(browser, "slow mobile (150 ms, 1.6 Mbit/s)", runs);
        } finally {
            browser.quit();
        }
    }

    private void measure(ChromeDriver browser, String label, int runs) {
        List<Double> script = new ArrayList<>();
        List<Double> ready = new ArrayList<>();
        List<Double> greeting = new ArrayList<>();
        JavascriptExecutor js = browser;
        for (int i = 0; i < runs; i++) {
            browser.get("http://localhost:" + port + "/help/none");   // same origin, then forget the visitor
            js.executeScript("localStorage.clear(); sessionStorage.clear();");
            browser.get("http://localhost:" + port + "/");
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> js.executeScript(
                    "return performance.getEntriesByName('invoicehelp-chat:ready').length > 0"));
            script.add(((Number) js.executeScript("""
                    return performance.getEntriesByType('resource')
                      .find(e => e.name.includes('/widget/chat-widget.js')).responseEnd""")).doubleValue());
            ready.add(((Number) js.executeScript(
                    "return performance.getEntriesByName('invoicehelp-chat:ready')[0].startTime")).doubleValue());
            js.executeScript("""
                    const root = document.querySelector('invoicehelp-chat').shadowRoot;
                    const t0 = performance.now();
                    window.__greeting = null;
                    new MutationObserver((m, o) => {
                      if (root.querySelector('[data-seq="1"]')) { window.__greeting = performance.now() - t0; o.disconnect(); }
                    }).observe(root, {subtree: true, childList: true});
                    root.querySelector('.launcher').click();""");
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> js.executeScript("return window.__greeting"));
            greeting.add(((Number) js.executeScript("return window.__greeting")).doubleValue());
        }
        System.out.printf("%s, %d runs (median / p90 ms): script loaded %s, widget shown %s, click to greeting %s%n",
                label, runs, stats(script), stats(ready), stats(greeting));
    }

    private static String stats(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return String.format("%.0f / %.0f", sorted.get(sorted.size() / 2),
                sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.9) - 1)));
    }
}
