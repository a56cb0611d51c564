package cn.invoicehelp.console;

import cn.invoicehelp.chat.AppProcess;
import cn.invoicehelp.chat.ChatClient;
import cn.invoicehelp.chat.ProductionServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static cn.invoicehelp.chat.ChatClient.JSON;
import static cn.invoicehelp.chat.ChatClient.from;
import static cn.invoicehelp.chat.ChatClient.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Production mode on two nodes: two processes of the packaged jar (profile {@code prod}) on one fresh PostgreSQL
 * database and one RabbitMQ, each on its own random port, no sticky anything. A visitor with one tab on node A and
 * one on node B, an agent signed in on node B (and acting through node A with the same sign-in): report filed on A and
 * tracked from B, hand-off, live messages both ways with every event on both tabs, both nodes writing the same
 * conversation at once. Then RabbitMQ is restarted mid-conversation (the relay reconnects by itself, clients reconnect
 * and replay the gap), and node A is killed with SIGKILL (its tab reconnects to B and continues: seq goes on, nothing
 * missing). Needs the {@code HELPDESK_TEST_*} variables of {@code .ci/services.sh} (skipped without, failed in CI).
 */
class TwoNodeClusterIT {

    private static final List<String> JVM = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final long WAIT_MS = 90_000;

    @TempDir
    Path work;

    @Test
    void aConversationSpansTwoNodesSurvivesABrokerRestartAndLosingANode() throws Exception {
        ProductionServices services = ProductionServices.required();
        try (ProductionServices.Database database = services.createDatabase()) {
            Map<String, String> env = new LinkedHashMap<>(services.nodeEnvironment(database));
            env.put("HELPDESK_ADMIN_PASSWORD", StaffClient.ADMIN_PASSWORD);
            AppProcess a = null;
            AppProcess b = null;
            try {
                // Node A first: it runs the migrations; B then starts on the migrated database.
                a = AppProcess.start(work, "node-a", JVM, List.of("--spring.profiles.active=prod"), env);
                b = AppProcess.start(work, "node-b", JVM, List.of("--spring.profiles.active=prod"), env);
                assertThat(a.health()).startsWith("200").contains("\"brokerRelay\":{\"status\":\"UP\"}",
                        "\"db\":{\"status\":\"UP\"}", "\"faqIndex\":{\"status\":\"UP\"}");
                scenario(services, a, b);
            } catch (AssertionError | Exception e) {
                throw new AssertionError(e.getMessage() + logs(a, b), e);
            } finally {
                if (a != null) {
                    a.close();
                }
                if (b != null) {
                    b.close();
                }
            }
        }
    }

    private void scenario(ProductionServices services, AppProcess a, AppProcess b) throws Exception {
        ChatClient.Session session = new ChatClient(a.port).open();
        String conversation = session.conversationId();
        Tab tabA = new Tab("tab on A", session);
        Tab tabB = new Tab("tab on B", session);
        tabA.connect(a.port);
        tabB.connect(b.port);

        // The bot answers on A; the tab on B gets the echo and the answer too.
        tabA.send("我的发票在北京系统里查不到");
        tabA.await(from("bot"));
        tabB.await(from("bot"));
        assertBothSawEverything(a, tabA, tabB);

        // A fault report filed on A, tracked from B (REST) and asked about in the chat on B.
        String occurred = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(30)
                .truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        HttpResponse<String> filed = new ChatClient(a.port).post("/api/fault-reports", JSON.writeValueAsString(Map.of(
                "occurredAt", occurred, "description", "北京系统查不到我开的发票，已经过了两天", "phone", "13800138000",
                "conversationId", conversation)));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String tracking = JSON.readTree(filed.body()).path("trackingNumber").asString();
        HttpResponse<String> tracked = new StaffClient(b.port).get("/api/fault-reports/" + tracking
                + "?contact=13800138000");
        assertThat(tracked.statusCode()).as(tracked.body()).isEqualTo(200);
        assertThat(JSON.readTree(tracked.body()).path("stage").asString()).isEqualTo("CONFIRMING");
        tabB.send("我的报障进度 " + tracking);
        tabB.await(e -> "bot".equals(e.path("sender").asString("")) && e.path("seq").asLong() > 0
                && e.path("text").asString("").contains("手机号码")); // the bot asks for the contact first
        tabB.send("13800138000");
        Predicate<JsonNode> reportCard = e -> tracking.equals(e.path("card").path("trackingNumber").asString(""))
                && "bot".equals(e.path("sender").asString(""));
        tabB.await(reportCard);
        tabA.await(reportCard);

        // An agent signs in on B; the console there sees the queue change made on A.
        StaffClient agentOnB = StaffClient.newAgent(b.port, "客服小林");
        StaffClient agentOnA = agentOnB.on(a.port);
        StaffClient.AgentSocket console = agentOnB.socket(null);
        BlockingQueue<JsonNode> queue = console.subscribe("/topic/console/handoffs");
        BlockingQueue<JsonNode> live = console.subscribe("/topic/console/conversations/" + conversation);
        // Presence is shared: node A knows the agent connected to B is online.
        assertThat(agentOnA.get("/api/console/presence").body()).contains(agentOnB.username, "online");

        tabA.sendAction("handoff");
        Predicate<JsonNode> queued = e -> "queue".equals(e.path("card").path("kind").asString(""));
        JsonNode position = tabA.await(queued);
        tabB.await(queued);
        assertThat(position.path("card").path("position").asInt()).isEqualTo(1);
        StaffClient.await(queue, list -> list.toString().contains(conversation));

        // The agent's sign-in on B works on A too (sessions in the database): claim through A.
        HttpResponse<String> claim = agentOnA.post("/api/console/handoffs/" + conversation + "/claim", null);
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(200);
        tabA.await(ofType("system"));
        tabB.await(ofType("system"));

        // Live both ways: the visitor on B writes, the agent on B and the tab on A see it; the agent answers.
        tabB.send("请帮我看看这张票");
        StaffClient.await(live, e -> "请帮我看看这张票".equals(e.path("text").asString("")));
        tabA.await(e -> "请帮我看看这张票".equals(e.path("text").asString("")));
        postAgent(agentOnB, conversation, "您好，我来帮您查一下。");
        tabA.await(from("agent"));
        tabB.await(from("agent"));

        // Both nodes write the same conversation at once: seqs stay unique and gap-free.
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            writes.add(CompletableFuture.runAsync(() -> tabA.send("A 侧消息 " + n)));
            writes.add(CompletableFuture.runAsync(() -> tabB.send("B 侧消息 " + n)));
            writes.add(CompletableFuture.runAsync(() -> postAgent(n % 2 == 0 ? agentOnA : agentOnB, conversation,
                    "客服消息 " + n)));
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(WAIT_MS, TimeUnit.MILLISECONDS);
        assertBothSawEverything(a, tabA, tabB);
        assertLogIsWhole(a, session, Set.of());

        // RabbitMQ restarts mid-conversation. While it is down the agent still answers (stored, not delivered live).
        String duringOutage = "刚才消息服务重启，您的问题我们还在处理。";
        long restart = System.nanoTime();
        services.restartBroker(() -> {
            awaitHealth(a, "\"brokerRelay\":{\"status\":\"DOWN\"}");
            awaitHealth(b, "\"brokerRelay\":{\"status\":\"DOWN\"}");
            postAgent(agentOnB, conversation, duringOutage);
        });
        // The relay reconnects by itself.
        awaitHealth(a, "\"brokerRelay\":{\"status\":\"UP\"}");
        awaitHealth(b, "\"brokerRelay\":{\"status\":\"UP\"}");
        System.out.printf("TwoNodeClusterIT: RabbitMQ restarted, both relays connected again %d ms after stop_app%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restart));
        // The broker dropped every client connection; clients reconnect and replay what they missed (widget's §7).
        tabA.reconnect(a.port);
        tabB.reconnect(b.port);
        assertThat(tabA.seen.values()).anyMatch(e -> duringOutage.equals(e.path("text").asString("")));
        assertThat(tabB.seen.values()).anyMatch(e -> duringOutage.equals(e.path("text").asString("")));
        console.close();
        console = agentOnB.socket(null);
        live = console.subscribe("/topic/console/conversations/" + conversation);
        // Live delivery resumed, both ways and across nodes.
        postAgent(agentOnA, conversation, "消息服务已恢复。");
        tabA.await(e -> "消息服务已恢复。".equals(e.path("text").asString("")));
        tabB.await(e -> "消息服务已恢复。".equals(e.path("text").asString("")));
        tabA.send("收到，谢谢");
        StaffClient.await(live, e -> "收到，谢谢".equals(e.path("text").asString("")));
        tabB.await(e -> "收到，谢谢".equals(e.path("text").asString("")));
        assertBothSawEverything(b, tabA, tabB);

        // Node A dies. Its tab reconnects to B (what the load balancer does) and continues without a gap.
        long beforeKill = lastSeq(b, session);
        long kill = System.nanoTime();
        a.kill9();
        tabA.awaitDisconnected();
        tabA.reconnect(b.port);
        System.out.printf("TwoNodeClusterIT: node A killed at seq %d, its tab continued on B %d ms later%n",
                beforeKill, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - kill));
        assertThat(tabA.lastSeq()).isEqualTo(beforeKill);
        String id = tabA.send("节点切换后还能继续吗");
        JsonNode echo = tabA.await(e -> id.equals(e.path("clientMessageId").asString("")));
        assertThat(echo.path("seq").asLong()).isGreaterThan(beforeKill);
        tabB.await(e -> id.equals(e.path("clientMessageId").asString("")));
        StaffClient.await(live, e -> id.equals(e.path("clientMessageId").asString("")));
        postAgent(agentOnB, conversation, "可以的，我们继续。");
        tabA.await(e -> "可以的，我们继续。".equals(e.path("text").asString("")));
        tabB.await(e -> "可以的，我们继续。".equals(e.path("text").asString("")));
        assertBothSawEverything(b, tabA, tabB);
        assertLogIsWhole(b, session, Set.of(tabA, tabB));
        System.out.printf("TwoNodeClusterIT: %d events, gap-free, identical on both tabs and in the replay%n",
                lastSeq(b, session));
        console.close();
        tabA.close();
        tabB.close();
    }

    private static void postAgent(StaffClient agent, String conversation, String text) {
        HttpResponse<String> posted = agent.post("/api/console/conversations/" + conversation + "/messages",
                Map.of("clientMessageId", UUID.randomUUID().toString(), "text", text));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    }

    private static long lastSeq(AppProcess node, ChatClient.Session session) {
        List<JsonNode> all = new ChatClient(node.port).replay(session, 0);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).path("seq").asLong();
    }

    /** Both tabs received, live on their current connection, every event stored since they connected. */
    private static void assertBothSawEverything(AppProcess node, Tab... tabs) {
        long last = 0;
        for (JsonNode e : new ChatClient(node.port).replay(tabs[0].session, 0)) {
            last = e.path("seq").asLong();
        }
        long upTo = last;
        for (Tab tab : tabs) {
            if (tab.lastSeq() < upTo) {
                tab.await(e -> e.path("seq").asLong(0) >= upTo);
            }
            for (long seq = tab.liveFrom; seq <= upTo; seq++) {
                long wanted = seq;
                if (!tab.live.contains(wanted)) {
                    // Events stored by two nodes reach a tab through the broker in any order (the client sorts by
                    // seq); a later seq may come first, but each one must still arrive on this connection.
                    tab.await(e -> e.path("seq").asLong(0) == wanted);
                }
                assertThat(tab.live).as(tab.name + " got seq " + seq + " live").contains(seq);
            }
        }
    }

    /** The stored log is 1, 2, 3 …, each visitor message once, and every tab's view equals it. */
    private static void assertLogIsWhole(AppProcess node, ChatClient.Session session, Set<Tab> tabs) {
        List<JsonNode> log = new ChatClient(node.port).replay(session, 0);
        Set<String> messageIds = new HashSet<>();
        for (int i = 0; i < log.size(); i++) {
            JsonNode e = log.get(i);
            assertThat(e.path("seq").asLong()).as("seq at position " + i).isEqualTo(i + 1);
            if ("user".equals(e.path("sender").asString("")) && e.has("clientMessageId")) {
                assertThat(messageIds.add(e.path("clientMessageId").asString()))
                        .as("echoed once: " + e).isTrue();
            }
        }
        for (Tab tab : tabs) {
            assertThat(tab.seen.keySet()).as(tab.name + " has every seq").containsExactlyElementsOf(
                    log.stream().map(e -> e.path("seq").asLong()).toList());
            for (JsonNode e : log) {
                assertThat(tab.seen.get(e.path("seq").asLong())).as(tab.name + " seq " + e.path("seq")).isEqualTo(e);
            }
        }
    }

    private static void awaitHealth(AppProcess node, String fragment) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        String health = "";
        while (System.nanoTime() < deadline) {
            health = node.health();
            if (health.contains(fragment)) {
                return;
            }
            sleep(250);
        }
        fail("health never showed " + fragment + ": " + health);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String logs(AppProcess... nodes) {
        StringBuilder out = new StringBuilder();
        for (AppProcess node : nodes) {
            if (node != null) {
                try {
                    out.append("\n--- ").append(node.log.getFileName()).append(" ---\n").append(AppProcess.tail(node.log));
                } catch (Exception e) {
                    out.append("\n(no log: ").append(e).append(')');
                }
            }
        }
        return out.toString();
    }

    /**
     * One browser tab following docs/chat-protocol.md §7: everything it was shown (seq → event, from the socket or the
     * replay), what arrived live on the current connection, reconnect + replay.
     */
    private static final class Tab {

        final String name;
        final ChatClient.Session session;
        final TreeMap<Long, JsonNode> seen = new TreeMap<>();
        final Set<Long> live = new HashSet<>();
        ChatClient client;
        ChatClient.Connection connection;
        long liveFrom;
        private int consumed;

        Tab(String name, ChatClient.Session session) {
            this.name = name;
            this.session = session;
        }

        void connect(int port) {
            client = new ChatClient(port);
            connection = client.connect(session.token());
            consumed = 0;
            live.clear();
            for (JsonNode e : client.replay(session, lastSeq())) {
                record(e);
            }
            liveFrom = lastSeq() + 1;
        }

        /** Reconnects with back-off until the node accepts (it may still be reconnecting to the broker). */
        void reconnect(int port) {
            close();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
            RuntimeException last = null;
            long backoff = 250;
            while (System.nanoTime() < deadline) {
                try {
                    connect(port);
                    return;
                } catch (RuntimeException e) {
                    last = e;
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 4000);
                }
            }
            throw new AssertionError(name + " could not reconnect", last);
        }

        void awaitDisconnected() {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
            while (connection.session.isConnected() && !connection.error.isDone() && System.nanoTime() < deadline) {
                sleep(100);
            }
        }

        long lastSeq() {
            return seen.isEmpty() ? 0 : seen.lastKey();
        }

        String send(String text) {
            synchronized (this) {
                return connection.sendText(text);
            }
        }

        void sendAction(String action) {
            synchronized (this) {
                connection.sendAction(action);
            }
        }

        JsonNode await(Predicate<JsonNode> wanted) {
            JsonNode found = connection.await(wanted);
            List<JsonNode> received = connection.received();
            for (; consumed < received.size(); consumed++) {
                JsonNode e = received.get(consumed);
                if (e.has("seq")) {
                    live.add(e.path("seq").asLong());
                    record(e);
                }
            }
            return found;
        }

        private void record(JsonNode e) {
            JsonNode before = seen.putIfAbsent(e.path("seq").asLong(), e);
            if (before != null && !before.equals(e)) {
                fail(name + ": seq " + e.path("seq") + " arrived with different content: " + before + " vs " + e);
            }
        }

        void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (RuntimeException ignored) {
                    // already gone with its node or the broker
                }
            }
        }
    }
}
