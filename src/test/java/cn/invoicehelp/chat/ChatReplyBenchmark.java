package cn.invoicehelp.chat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.invoicehelp.chat.ChatClient.from;

/**
 * 100 conversations at once over real sockets and the real assistant, each sending N messages one after the other;
 * measures the time from SEND to the first bot event. Run: {@code mvn -B -q test -Dtest=ChatReplyBenchmark [-Dchat.bench.messages=10]}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatReplyBenchmark {

    /** What visitors write, answered by the real assistant (FAQ, intents, flows). */
    private static final List<String> MESSAGES_SENT = List.of("我的发票在北京系统里查不到", "校验码要填几位", "数电票没有代码怎么查",
            "专票金额填含税还是不含税", "今天刚开的发票查不到", "一张发票一天能查几次", "系统是不是在维护", "发票被红冲了怎么办");

    static final int CONVERSATIONS = Integer.getInteger("chat.bench.conversations", 100);
    static final int MESSAGES = Integer.getInteger("chat.bench.messages", 10);

    @LocalServerPort
    int port;

    @Test
    void measuresTimeToFirstBotEvent() throws Exception {
        var client = new ChatClient(port);
        List<ChatClient.Connection> connections = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            connections.add(client.connect(client.open().token()));
        }
        warmUp(connections.get(0));

        ExecutorService pool = Executors.newFixedThreadPool(CONVERSATIONS);
        List<Future<List<Long>>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (ChatClient.Connection connection : connections) {
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                for (int m = 0; m < MESSAGES; m++) {
                    long sent = System.nanoTime();
                    connection.sendText(MESSAGES_SENT.get(m % MESSAGES_SENT.size()));
                    connection.await(from("bot"));
                    latencies.add(System.nanoTime() - sent);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        connections.forEach(ChatClient.Connection::close);

        Collections.sort(all);
        System.out.printf("ChatReplyBenchmark: %d conversations x %d messages = %d replies in %.1f s (%.0f/s)%n",
                CONVERSATIONS, MESSAGES, all.size(), seconds, all.size() / seconds);
        System.out.printf("send -> first bot event: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                percentile(all, 50), percentile(all, 99), all.get(all.size() - 1) / 1e6);
    }

    private static void warmUp(ChatClient.Connection connection) {
        for (int i = 0; i < 5; i++) {
            connection.sendText("预热 " + i);
            connection.await(from("bot"));
        }
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
