package cn.invoicehelp.chat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open-loop load on the chat: the packaged app runs as its own process (so its CPU and GC are its own), N
 * conversations are connected over raw STOMP/WebSocket, and messages go out at a fixed offered rate whatever the
 * replies do, spread over the conversations, with pings ({@code /app/chat.ping}) interleaved on the same connections
 * as the latency floor of the same run. Latency counts from the moment a message was due (so a stalled client does
 * not hide server stalls). After a warm-up (default 30 s) it measures for a fixed time and prints bot-reply and pong
 * latencies, achieved vs offered rate, lost and duplicated events, server CPU per message and GC pauses.
 *
 * <pre>mvn -B -q package -DskipTests && mvn -B -q test -Dtest=ChatLoadBenchmark \
 *   -Dchat.load.conversations=1000 -Dchat.load.rate=200 -Dchat.load.warmup=30 -Dchat.load.duration=60</pre>
 *
 * Production mode: {@code -Dchat.load.profile=prod -Dchat.load.nodes=2} starts that many nodes with the {@code prod}
 * profile on a fresh PostgreSQL database and the RabbitMQ of the {@code HELPDESK_TEST_*} variables
 * (docs/deploy.md), and spreads the conversations over the nodes round robin (conversation i on node i mod N); CPU and
 * GC are summed over the nodes.
 */
class ChatLoadBenchmark {

    private static final int CONVERSATIONS = Integer.getInteger("chat.load.conversations", 1000);
    private static final double RATE = Double.parseDouble(System.getProperty("chat.load.rate", "200"));
    private static final double PING_RATE = Double.parseDouble(System.getProperty("chat.load.pingRate",
            String.valueOf(RATE)));
    private static final int WARMUP = Integer.getInteger("chat.load.warmup", 30);
    private static final int DURATION = Integer.getInteger("chat.load.duration", 60);
    private static final String HEAP = System.getProperty("chat.load.heap", "1g");
    /** Extra JVM options of the server, space-separated (e.g. a JFR recording while profiling). */
    private static final String JVM_ARGS = System.getProperty("chat.load.jvmArgs", "");
    /** A JFR recording (settings=profile) of the (first) server over exactly the measured window, to this file. */
    private static final String JFR = System.getProperty("chat.load.jfr", "");
    private static final int NODES = Integer.getInteger("chat.load.nodes", 1);
    private static final boolean PROD = "prod".equals(System.getProperty("chat.load.profile",
            NODES > 1 ? "prod" : "embedded"));
    private static final List<String> QUESTIONS = List.of("我的发票在北京系统里查不到", "校验码要填几位", "数电票没有代码怎么查",
            "专票金额填含税还是不含税", "今天刚开的发票查不到", "一张发票一天能查几次", "系统是不是在维护", "发票被红冲了怎么办");
    private static final Pattern GC_PAUSE = Pattern.compile("Pause.* ([0-9.]+)ms$");
    private static final Pattern GC_HEAP = Pattern.compile(" ([0-9]+)([KMG])->([0-9]+)([KMG])\\(");

    @TempDir
    Path work;

    @Test
    void openLoadWithPingFloor() throws Exception {
        ProductionServices services = PROD ? ProductionServices.required() : null;
        ProductionServices.Database database = PROD ? services.createDatabase() : null;
        List<AppProcess> apps = new ArrayList<>();
        try {
            List<String> args = new ArrayList<>(List.of("--helpdesk.chat.limits.sessions-per-client=1000000",
                    "--helpdesk.chat.limits.connections-per-client=1000000",
                    "--helpdesk.chat.rate-limit=1000"));
            Map<String, String> env = new java.util.LinkedHashMap<>();
            env.put("HELPDESK_ADMIN_PASSWORD", java.util.UUID.randomUUID().toString());
            if (PROD) {
                args.add("--spring.profiles.active=prod");
                env.putAll(services.nodeEnvironment(database));
            }
            for (int n = 0; n < NODES; n++) {
                Path node = Files.createDirectories(work.resolve("node-" + n));
                List<String> jvm = new ArrayList<>(List.of("-Xmx" + HEAP, "-Xms" + HEAP,
                        "-Xlog:gc:file=" + node.resolve("gc.log")));
                Arrays.stream(JVM_ARGS.split(" ")).filter(a -> !a.isBlank()).forEach(jvm::add);
                apps.add(AppProcess.start(node, "server", jvm, args, env));
            }
            run(apps);
        } finally {
            for (AppProcess app : apps) {
                app.close();
            }
            if (database != null) {
                database.close();
            }
        }
    }

    /** Size of the nodes' H2 files (the embedded profile keeps its data in {@code node-N/data}). */
    private long embeddedDatabaseBytes(int nodes) throws IOException {
        long total = 0;
        for (int n = 0; n < nodes; n++) {
            Path data = work.resolve("node-" + n).resolve("data");
            if (Files.isDirectory(data)) {
                try (var files = Files.list(data)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".mv.db")).toList()) {
                        total += Files.size(file);
                    }
                }
            }
        }
        return total;
    }

    private Duration cpuTime(List<AppProcess> apps) throws IOException {
        Duration total = Duration.ZERO;
        for (AppProcess app : apps) {
            total = total.plus(app.cpuTime());
        }
        return total;
    }

    private void run(List<AppProcess> apps) throws Exception {
        {
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2)).build();
            List<Visitor> visitors = new ArrayList<>();
            for (int i = 0; i < CONVERSATIONS; i++) {
                visitors.add(new Visitor(i, http, apps.get(i % apps.size()).port));
            }
            System.out.printf(Locale.ROOT, "%d conversations connected to %d node(s) (%s); offered %.0f msg/s + %.0f pings/s%n",
                    CONVERSATIONS, apps.size(), PROD ? "prod: PostgreSQL + RabbitMQ relay" : "embedded: H2 + simple broker",
                    RATE, PING_RATE);

            long start = System.nanoTime();
            long measureFrom = start + TimeUnit.SECONDS.toNanos(WARMUP);
            long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(DURATION);
            Window window = new Window(measureFrom, measureTo);
            ExecutorService loop = Executors.newSingleThreadExecutor();
            CompletableFuture<Void> cpuAndGc = new CompletableFuture<>();
            long[] gcLogOffset = new long[apps.size()];
            Duration[] cpu = new Duration[2];
            long[] databaseFile = new long[2];
            loop.submit(() -> {
                // Both schedules merged: message k is due at start + k / RATE, ping j at start + (j + 0.5) / PING_RATE.
                long k = 0;
                long j = 0;
                boolean marked = false;
                while (true) {
                    long nextMessage = start + (long) (k * 1e9 / RATE);
                    long nextPing = PING_RATE <= 0 ? Long.MAX_VALUE : start + (long) ((j + 0.5) * 1e9 / PING_RATE);
                    long due = Math.min(nextMessage, nextPing);
                    if (due >= measureTo) {
                        break;
                    }
                    if (!marked && due >= measureFrom) {
                        marked = true;
                        try {
                            jfr(apps.get(0), false, "JFR.start", "name=bench", "settings=profile");
                            cpu[0] = cpuTime(apps);
                            databaseFile[0] = embeddedDatabaseBytes(apps.size());
                            for (int n = 0; n < apps.size(); n++) {
                                gcLogOffset[n] = Files.size(work.resolve("node-" + n).resolve("gc.log"));
                            }
                        } catch (IOException e) {
                            cpuAndGc.completeExceptionally(e);
                        }
                    }
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    if (due == nextMessage) {
                        Visitor v = visitors.get((int) (k % CONVERSATIONS));
                        v.sendMessage(QUESTIONS.get((int) ((k / CONVERSATIONS) % QUESTIONS.size())), due, window);
                        k++;
                    } else {
                        // pings on other connections than the message of the same moment
                        Visitor v = visitors.get((int) ((j + CONVERSATIONS / 2) % CONVERSATIONS));
                        v.sendPing(due, window);
                        j++;
                    }
                }
                try {
                    cpu[1] = cpuTime(apps);
                    databaseFile[1] = embeddedDatabaseBytes(apps.size());
                    jfr(apps.get(0), true, "JFR.stop", "name=bench", "filename=" + Path.of(JFR).toAbsolutePath());
                } catch (IOException e) {
                    cpuAndGc.completeExceptionally(e);
                }
                cpuAndGc.complete(null);
                return null;
            });
            cpuAndGc.get(WARMUP + DURATION + 120, TimeUnit.SECONDS);
            loop.shutdown();
            // Let what is in flight arrive, then count.
            long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < drainUntil && visitors.stream().anyMatch(Visitor::waiting)) {
                Thread.sleep(100);
            }
            List<Double> pauses = new ArrayList<>();
            long allocated = 0;
            for (int n = 0; n < apps.size(); n++) {
                Path gcLog = work.resolve("node-" + n).resolve("gc.log");
                pauses.addAll(gcPauses(gcLog, gcLogOffset[n]));
                allocated += allocated(gcLog, gcLogOffset[n]);
            }
            report(visitors, window, cpu[1].minus(cpu[0]), pauses, allocated);
            if (!PROD) {
                System.out.printf(Locale.ROOT, "embedded database file: %.0f MB when measuring started, %.0f MB at the end%n",
                        databaseFile[0] / 1e6, databaseFile[1] / 1e6);
            }
            visitors.forEach(Visitor::close);
        }
    }

    /** Runs jcmd against the server when a recording was asked for (not waiting for it: the sending goes on). */
    private static void jfr(AppProcess app, boolean wait, String... command) throws IOException {
        if (JFR.isBlank()) {
            return;
        }
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(app.pid())));
        line.addAll(List.of(command));
        try {
            Process jcmd = new ProcessBuilder(line).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (wait) {
                jcmd.waitFor(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Double> gcPauses(Path gcLog, long from) throws IOException {
        byte[] all = Files.readAllBytes(gcLog);
        String measured = new String(all, (int) Math.min(from, all.length), (int) (all.length - Math.min(from, all.length)),
                StandardCharsets.UTF_8);
        List<Double> pauses = new ArrayList<>();
        for (String line : measured.split("\n")) {
            Matcher m = GC_PAUSE.matcher(line.strip());
            if (m.find()) {
                pauses.add(Double.parseDouble(m.group(1)));
            }
        }
        return pauses;
    }

    /**
     * Bytes the server allocated from the first collection after {@code from} on: each collection's heap before,
     * minus the heap after the previous one (so it covers whole GC cycles, a good estimate over many cycles).
     */
    private static long allocated(Path gcLog, long from) throws IOException {
        byte[] all = Files.readAllBytes(gcLog);
        long previousAfter = -1;
        long total = 0;
        int offset = 0;
        for (String line : new String(all, StandardCharsets.UTF_8).split("\n")) {
            int lineStart = offset;
            offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
            Matcher m = GC_HEAP.matcher(line);
            if (!m.find()) {
                continue;
            }
            long before = bytes(m.group(1), m.group(2));
            long after = bytes(m.group(3), m.group(4));
            if (lineStart >= from && previousAfter >= 0) {
                total += Math.max(0, before - previousAfter);
            }
            previousAfter = after;
        }
        return total;
    }

    private static long bytes(String number, String unit) {
        long n = Long.parseLong(number);
        return switch (unit) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            default -> n << 30;
        };
    }

    private static void report(List<Visitor> visitors, Window window, Duration cpu, List<Double> gcPauses,
                               long allocated) {
        long sent = 0;
        long lost = 0;
        long unanswered = 0;
        long duplicates = 0;
        long pingsSent = 0;
        long pingsLost = 0;
        List<Long> replies = new ArrayList<>();
        List<Long> pongs = new ArrayList<>();
        for (Visitor v : visitors) {
            sent += v.measuredSent;
            pingsSent += v.measuredPings;
            replies.addAll(v.replyLatencies);
            pongs.addAll(v.pongLatencies);
            lost += v.measuredSent - v.measuredEchoed;
            unanswered += v.measuredEchoed - v.replyLatencies.size();
            pingsLost += v.measuredPings - v.pongLatencies.size();
            duplicates += v.duplicates.get();
        }
        double seconds = (window.to - window.from) / 1e9;
        System.out.println();
        System.out.printf(Locale.ROOT, "conversations %d, offered %.1f msg/s, achieved %.1f replies/s over %.0f s%n",
                visitors.size(), RATE, replies.size() / seconds, seconds);
        System.out.println("bot reply (due → first bot event): " + percentiles(replies));
        System.out.println("ping      (due → pong)           : " + percentiles(pongs));
        System.out.printf(Locale.ROOT, "bot p50 / ping p50 = %.1f%n", p(replies, 0.50) / Math.max(0.001, p(pongs, 0.50)));
        System.out.printf(Locale.ROOT, "messages sent %d, lost (no echo) %d, echoed without a bot reply %d, "
                + "duplicate events %d; pings %d, pongs missing %d%n", sent, lost, unanswered, duplicates, pingsSent, pingsLost);
        System.out.printf(Locale.ROOT, "server CPU %.1f s = %.2f ms per message (pings included)%n",
                cpu.toMillis() / 1000.0, sent == 0 ? 0 : cpu.toMillis() / (double) sent);
        System.out.printf(Locale.ROOT, "server allocation %.0f MB = %.0f KB per message (from the GC log)%n",
                allocated / 1e6, sent == 0 ? 0 : allocated / 1024.0 / sent);
        double[] gc = gcPauses.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "GC pauses: %d, total %.0f ms, max %.1f ms%n", gc.length,
                Arrays.stream(gc).sum(), gc.length == 0 ? 0 : gc[gc.length - 1]);
    }

    private static String percentiles(List<Long> nanos) {
        return String.format(Locale.ROOT, "n %d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms", nanos.size(),
                p(nanos, 0.50), p(nanos, 0.95), p(nanos, 0.99), p(nanos, 1.0));
    }

    private static double p(List<Long> nanos, double q) {
        if (nanos.isEmpty()) {
            return 0;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
        return sorted[i] / 1e6;
    }

    private record Window(long from, long to) {
        boolean contains(long due) {
            return due >= from && due < to;
        }
    }

    /** One conversation on one raw STOMP connection; its counters are touched by the loop and the socket thread. */
    private static final class Visitor implements WebSocket.Listener {

        private final int index;
        private final WebSocket socket;
        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<Void> connected = new CompletableFuture<>();
        private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
        private final Map<String, Long> dueOfMessage = new ConcurrentHashMap<>();
        private final Map<String, Long> dueOfPing = new ConcurrentHashMap<>();
        private final Set<Long> seqs = new HashSet<>();
        private final Set<String> echoed = new HashSet<>();
        private final AtomicLong ids = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final List<Long> replyLatencies = new ArrayList<>();
        final List<Long> pongLatencies = new ArrayList<>();
        volatile long measuredSent;
        volatile long measuredEchoed;
        volatile long measuredPings;
        private String awaitingReply;
        private CompletableFuture<WebSocket> sending;

        Visitor(int index, HttpClient http, int port) throws Exception {
            this.index = index;
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/chat/sessions"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            String token = ChatClient.JSON.readTree(created.body()).get("token").asString();
            socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://localhost:" + port + "/ws/chat"), this)
                    .get(30, TimeUnit.SECONDS);
            sending = CompletableFuture.completedFuture(socket);
            frame("CONNECT\naccept-version:1.2\nheart-beat:0,0\ntoken:" + token + "\n\n\0");
            // SUBSCRIBE only after CONNECTED: the production broker relay drops frames sent before it.
            connected.get(30, TimeUnit.SECONDS);
            frame("SUBSCRIBE\nid:0\ndestination:/user/queue/events\nreceipt:r\n\n\0");
            subscribed.get(30, TimeUnit.SECONDS);
        }

        /** JDK WebSockets allow one outstanding send: frames of a connection are chained. */
        private synchronized void frame(String frame) {
            sending = sending.thenCompose(ws -> ws.sendText(frame, true));
        }

        void sendMessage(String text, long due, Window window) {
            String id = index + "-" + ids.incrementAndGet();
            if (window.contains(due)) {
                dueOfMessage.put(id, due);
                measuredSent++;
            }
            frame("SEND\ndestination:/app/chat.send\ncontent-type:application/json\n\n{\"clientMessageId\":\"" + id
                    + "\",\"text\":\"" + text + "\"}\0");
        }

        void sendPing(long due, Window window) {
            String id = "p" + index + "-" + ids.incrementAndGet();
            if (window.contains(due)) {
                dueOfPing.put(id, due);
                measuredPings++;
            }
            frame("SEND\ndestination:/app/chat.ping\ncontent-type:application/json\n\n{\"clientMessageId\":\"" + id
                    + "\"}\0");
        }

        boolean waiting() {
            return !dueOfPing.isEmpty() || awaitingReply != null || measuredEchoed < measuredSent;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                onFrame(text);
            }
            webSocket.request(1);
            return null;
        }

        private synchronized void onFrame(String frame) {
            long now = System.nanoTime();
            if (frame.startsWith("CONNECTED")) {
                connected.complete(null);
                return;
            }
            if (frame.startsWith("RECEIPT")) {
                subscribed.complete(null);
                return;
            }
            if (!frame.startsWith("MESSAGE")) {
                return;
            }
            int body = frame.indexOf("\n\n");
            int end = frame.lastIndexOf('\0');
            JsonNode event = ChatClient.JSON.readTree(frame.substring(body + 2, end < 0 ? frame.length() : end));
            String type = event.path("type").asString("");
            if ("pong".equals(type)) {
                Long due = dueOfPing.remove(event.path("clientMessageId").asString(""));
                if (due != null) {
                    pongLatencies.add(now - due);
                }
                return;
            }
            if (!event.has("seq")) {
                return; // typing hint: transient
            }
            if (!seqs.add(event.get("seq").asLong())) {
                duplicates.incrementAndGet();
            }
            String sender = event.path("sender").asString("");
            if ("user".equals(sender)) {
                String id = event.path("clientMessageId").asString("");
                if (!echoed.add(id)) {
                    duplicates.incrementAndGet();
                }
                awaitingReply = dueOfMessage.containsKey(id) ? id : null;
                if (awaitingReply != null) {
                    measuredEchoed++;
                }
            } else if (awaitingReply != null && !"typing".equals(type) && !"error".equals(type)) {
                replyLatencies.add(now - dueOfMessage.remove(awaitingReply));
                awaitingReply = null;
            }
        }

        void close() {
            socket.abort();
        }
    }
}
