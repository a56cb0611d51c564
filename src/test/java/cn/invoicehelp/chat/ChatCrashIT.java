package cn.invoicehelp.chat;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Durable before sent: the packaged app runs as its own process on an H2 file, a few visitors chat with it over real
 * sockets, and the process is killed with SIGKILL at a random moment, many times. After every restart, everything any
 * client had received must be in the replay with the same seq and content, the log must be 1, 2, 3 ... and no seq
 * may be handed out twice. Run by {@code mvn verify} (failsafe) after the jar is packaged;
 * {@code -Dchat.crash.cycles=N} for more rounds, {@code -Dchat.crash.seed=S} to repeat one.
 */
class ChatCrashIT {

    private static final int CYCLES = Integer.getInteger("chat.crash.cycles", 10);
    private static final int MAX_CONVERSATIONS = 5;
    /** The replay API's largest page ({@code limit} 1–1000, docs/chat-protocol.md): a shorter page is the last. */
    private static final int MAX_REPLAY = 1000;
    private static final List<String> QUESTIONS = List.of("我的发票在北京系统里查不到", "校验码要填几位", "数电票没有代码怎么查",
            "一张发票一天能查几次", "系统是不是在维护", "发票被红冲了怎么办", "怎么联系人工客服");

    @TempDir
    Path work;

    private AppProcess server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.kill9();
        }
    }

    @Test
    void everythingAClientReceivedSurvivesKill9AndNoSeqIsReused() throws Exception {
        long seed = Long.getLong("chat.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.println("ChatCrashIT seed " + seed + ", " + CYCLES + " cycles");
        List<Visitor> visitors = new ArrayList<>();
        int received = 0;
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            int port = start(cycle);
            ChatClient client = new ChatClient(port);
            for (Visitor visitor : visitors) {
                visitor.checkReplay(client, cycle);
            }
            if (visitors.size() < MAX_CONVERSATIONS) {
                visitors.add(new Visitor(client.open()));
            }
            for (Visitor visitor : visitors) {
                visitor.start(client, cycle, new Random(random.nextLong()));
            }
            Thread.sleep(200 + random.nextInt(2300));
            server.kill9();
            for (Visitor visitor : visitors) {
                received += visitor.stop();
            }
        }
        ChatClient client = new ChatClient(start(CYCLES + 1));
        for (Visitor visitor : visitors) {
            visitor.checkReplay(client, CYCLES + 1);
        }
        System.out.println("ChatCrashIT: " + received + " events received live over " + CYCLES + " kills");
        // Not vacuous: clients did receive events that had to survive the kills.
        assertThat(received).isGreaterThan(CYCLES * 3);
    }

    /** One visitor: everything it was ever shown (seq → event), and its messages that have no echo yet. */
    private final class Visitor {

        final ChatClient.Session session;
        final Map<Long, JsonNode> seen = new ConcurrentHashMap<>();
        final Map<String, String> pending = Collections.synchronizedMap(new LinkedHashMap<>());
        final List<String> violations = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean running;
        private Thread thread;
        private ChatClient.Connection connection;
        private int live;

        Visitor(ChatClient.Session session) {
            this.session = session;
        }

        /** What the protocol promises after a crash: the replay holds every event any client was shown. */
        void checkReplay(ChatClient client, int cycle) {
            List<JsonNode> replay = replayAll(client);
            TreeMap<Long, JsonNode> bySeq = new TreeMap<>();
            for (int i = 0; i < replay.size(); i++) {
                long seq = replay.get(i).get("seq").asLong();
                assertThat(seq).as("replay of %s is 1, 2, 3 ... (start %d)", session.conversationId(), cycle)
                        .isEqualTo(i + 1L);
                bySeq.put(seq, replay.get(i));
            }
            for (Map.Entry<Long, JsonNode> shown : new TreeMap<>(seen).entrySet()) {
                JsonNode stored = bySeq.get(shown.getKey());
                if (stored == null) {
                    fail("start %d: conversation %s lost seq %d that a client had received: %s (replay ends at %d)",
                            cycle, session.conversationId(), shown.getKey(), shown.getValue(), replay.size());
                }
                assertThat(stored).as("start %d: seq %d of %s was given to another event", cycle, shown.getKey(),
                        session.conversationId()).isEqualTo(shown.getValue());
            }
            Map<String, Integer> echoes = new LinkedHashMap<>();
            for (JsonNode event : replay) {
                seen.put(event.get("seq").asLong(), event);
                if ("user".equals(event.path("sender").asString(""))) {
                    String id = event.path("clientMessageId").asString("");
                    echoes.merge(id, 1, Integer::sum);
                    pending.remove(id);
                }
            }
            assertThat(echoes).as("one echo per clientMessageId").allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
            assertThat(violations).as("events received live").isEmpty();
        }

        private List<JsonNode> replayAll(ChatClient client) {
            List<JsonNode> all = new ArrayList<>();
            while (true) {
                List<JsonNode> page = client.replay(session, all.size());
                all.addAll(page);
                if (page.size() < MAX_REPLAY) {
                    return all;
                }
            }
        }

        void start(ChatClient client, int cycle, Random random) {
            connection = client.connect(session.token());
            running = true;
            live = 0;
            thread = new Thread(() -> talk(cycle, random), "crash-visitor");
            thread.start();
        }

        private void talk(int cycle, Random random) {
            try {
                // A reconnecting client resends every message it has no echo for, with its original id.
                for (Map.Entry<String, String> message : List.copyOf(pending.entrySet())) {
                    connection.sendText(message.getKey(), message.getValue());
                }
                int n = 0;
                while (running) {
                    String id = UUID.randomUUID().toString();
                    String text = QUESTIONS.get(random.nextInt(QUESTIONS.size())) + "（" + cycle + "-" + ++n + "）";
                    pending.put(id, text);
                    connection.sendText(id, text);
                    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300 + random.nextInt(300));
                    while (running && System.nanoTime() < until) {
                        drain(20);
                    }
                }
            } catch (RuntimeException e) {
                // the server was killed under us: what arrived before is in the queue
            }
        }

        private void drain(long waitMillis) {
            try {
                JsonNode event = connection.events.poll(waitMillis, TimeUnit.MILLISECONDS);
                while (event != null) {
                    record(event);
                    event = connection.events.poll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void record(JsonNode event) {
            if (!event.has("seq")) {
                return; // transient (typing indicator): not part of the log
            }
            live++;
            long seq = event.get("seq").asLong();
            JsonNode before = seen.putIfAbsent(seq, event);
            if (before != null && !before.equals(event)) {
                violations.add("seq " + seq + " reused: first " + before + ", then " + event);
            }
            if ("user".equals(event.path("sender").asString(""))) {
                pending.remove(event.path("clientMessageId").asString(""));
            }
        }

        /** After the kill: keeps what had arrived, returns how many events arrived live this round. */
        int stop() throws InterruptedException {
            running = false;
            thread.join(TimeUnit.SECONDS.toMillis(30));
            JsonNode event;
            while ((event = connection.events.poll()) != null) {
                record(event);
            }
            return live;
        }
    }

    private int start(int round) throws IOException, InterruptedException {
        server = AppProcess.start(work, "server-" + round,
                List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m"), List.of());
        return server.port;
    }
}
