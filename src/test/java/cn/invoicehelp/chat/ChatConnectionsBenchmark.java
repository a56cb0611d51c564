package cn.invoicehelp.chat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many idle chat clients on one node: the packaged app runs as its own process, N visitors open a session each and
 * connect over a raw WebSocket (one NIO selector thread plays all of them, so the client side stays small), send
 * STOMP CONNECT (heart-beat as the widget asks) and SUBSCRIBE with a receipt, then stay idle for the hold, answering
 * the server's heart-beats with their own. Measured: live heap of the server before and after (class histogram after
 * a full GC, {@code jcmd GC.class_histogram}), heap per connection, connections dropped during the hold, and bot
 * reply and ping round trips on one of the connections while all are held. Not part of {@code mvn verify}.
 *
 * <pre>mvn -B -q package -DskipTests && mvn -B -q test -Dtest=ChatConnectionsBenchmark \
 *   -Dchat.conn.count=19500 -Dchat.conn.hold=60</pre>
 *
 * The server gets {@code --helpdesk.chat.limits.connections-per-client} raised (all clients come from loopback) and
 * Tomcat's {@code server.tomcat.max-connections} above the count; both processes need {@code ulimit -n} above it.
 */
class ChatConnectionsBenchmark {

    private static final int COUNT = Integer.getInteger("chat.conn.count", 19_500);
    private static final int HOLD = Integer.getInteger("chat.conn.hold", 60);
    private static final int HEARTBEAT = Integer.getInteger("chat.conn.heartbeat", 10_000);
    private static final String HEAP = System.getProperty("chat.conn.heap", "2g");
    private static final String JVM_ARGS = System.getProperty("chat.conn.jvmArgs", "");
    private static final String APP_ARGS = System.getProperty("chat.conn.appArgs", "");
    private static final int LOCAL_ADDRESSES = 8;
    private static final int IN_FLIGHT = 64;
    private static final java.util.concurrent.atomic.AtomicInteger HISTOGRAMS = new java.util.concurrent.atomic.AtomicInteger();
    private static final Pattern TOTAL = Pattern.compile("Total\\s+\\d+\\s+(\\d+)");

    @TempDir
    Path work;

    @Test
    void idleConnectionsHeldWithHeapPerConnection() throws Exception {
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + HEAP, "-Xms" + HEAP, "-XX:+UseG1GC",
                "-Xlog:gc:file=" + work.resolve("gc.log")));
        Arrays.stream(JVM_ARGS.split(" ")).filter(a -> !a.isBlank()).forEach(jvm::add);
        List<String> args = new ArrayList<>(List.of("--helpdesk.chat.limits.sessions-per-client=10000000",
                "--helpdesk.chat.limits.connections-per-client=10000000",
                "--server.tomcat.max-connections=" + (COUNT + 1000), "--server.tomcat.accept-count=1000"));
        Arrays.stream(APP_ARGS.split(" ")).filter(a -> !a.isBlank()).forEach(args::add);
        try (AppProcess app = AppProcess.start(work, "server", jvm, args)) {
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
            List<String> tokens = sessions(http, app.port);
            long heapBefore = liveHeap(app);
            System.out.printf(Locale.ROOT, "%d sessions opened; live heap %.1f MB before connecting%n", COUNT,
                    heapBefore / 1e6);

            Clients clients = new Clients(app.port, tokens);
            long started = System.nanoTime();
            clients.connectAll();
            System.out.printf(Locale.ROOT, "%d connected and subscribed in %.1f s (%d failed)%n", clients.subscribed,
                    (System.nanoTime() - started) / 1e9, clients.failed);
            long heapConnected = liveHeap(app);
            System.out.printf(Locale.ROOT, "live heap %.1f MB with %d connections: %.1f KB per connection%n",
                    heapConnected / 1e6, clients.subscribed,
                    (heapConnected - heapBefore) / 1024.0 / Math.max(1, clients.subscribed));

            long cpuBefore = app.cpuTime().toMillis();
            long holdUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(HOLD);
            List<Long> replies = new ArrayList<>();
            List<Long> pings = new ArrayList<>();
            int probe = 0;
            while (System.nanoTime() < holdUntil) {
                clients.run(TimeUnit.SECONDS.toNanos(2));
                // A visitor among the idle crowd asks something: the bot still answers fast.
                if (probe++ % 3 == 2) {
                    long[] t = clients.ask(probe, "校验码要填几位");
                    replies.add(t[0]);
                    pings.add(t[1]);
                }
            }
            long cpu = app.cpuTime().toMillis() - cpuBefore;
            System.out.printf(Locale.ROOT, "hold %d s: %d of %d connections still open, %d dropped, %d heart-beats "
                            + "received; server CPU %.1f s during the hold%n", HOLD, clients.open(), clients.subscribed,
                    clients.dropped, clients.heartbeats, cpu / 1000.0);
            System.out.println("bot reply on one of them: " + stats(replies) + "; ping: " + stats(pings));
            System.out.println("server: " + String.join(" ", jvm) + " " + String.join(" ", args));
            clients.close();
        }
    }

    private static String stats(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "none";
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "n %d p50 %.1f ms max %.1f ms", sorted.length,
                sorted[(sorted.length - 1) / 2] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    /** Opens the sessions with a few requests in flight (each stores its greeting). */
    private static List<String> sessions(HttpClient http, int port) throws Exception {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<String>> pending = new ArrayList<>(COUNT);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat/sessions"))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        for (int i = 0; i < COUNT; i++) {
            inFlight.acquire();
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> inFlight.release())
                    .thenApply(r -> ChatClient.JSON.readTree(r.body()).get("token").asString()));
        }
        List<String> tokens = new ArrayList<>(COUNT);
        for (CompletableFuture<String> token : pending) {
            tokens.add(token.get(120, TimeUnit.SECONDS));
        }
        return tokens;
    }

    /** Live heap after a full GC: the total of {@code jcmd GC.class_histogram} (which collects first). */
    private static long liveHeap(AppProcess app) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(app.pid()), "GC.class_histogram").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(120, TimeUnit.SECONDS);
        Matcher m = TOTAL.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no histogram total:\n" + out.substring(0, Math.min(out.length(), 2000)));
        }
        // Kept for reading (which classes grew): target/chat-connections/histogram-<n>.txt
        Path dir = AppProcess.baseDir().resolve("target/chat-connections");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(dir.resolve("histogram-" + HISTOGRAMS.incrementAndGet() + ".txt"), out);
        return Long.parseLong(m.group(1));
    }

    /** All clients on one selector. Server frames are unmasked; client frames masked (RFC 6455). */
    private static final class Clients {

        private final int port;
        private final List<String> tokens;
        private final Selector selector;
        private final Conn[] conns;
        private final SecureRandom random = new SecureRandom();
        int subscribed;
        int failed;
        int dropped;
        long heartbeats;
        private int started;
        private int inProgress;
        private long nextHeartbeat;

        Clients(int port, List<String> tokens) throws IOException {
            this.port = port;
            this.tokens = tokens;
            this.selector = Selector.open();
            this.conns = new Conn[tokens.size()];
        }

        void connectAll() throws IOException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
            while (subscribed + failed < conns.length && System.nanoTime() < deadline) {
                while (started < conns.length && inProgress < IN_FLIGHT) {
                    start(started++);
                }
                poll(100);
            }
        }

        private void start(int i) throws IOException {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.bind(new InetSocketAddress("127.0.0." + (1 + i % LOCAL_ADDRESSES), 0));
            channel.connect(new InetSocketAddress("127.0.0.1", port));
            Conn conn = new Conn(i, channel);
            conns[i] = conn;
            channel.register(selector, SelectionKey.OP_CONNECT, conn);
            inProgress++;
        }

        void run(long nanos) throws IOException {
            long until = System.nanoTime() + nanos;
            while (System.nanoTime() < until) {
                poll(50);
            }
        }

        private void poll(long millis) throws IOException {
            selector.select(millis);
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                Conn conn = (Conn) key.attachment();
                try {
                    if (key.isConnectable()) {
                        conn.channel.finishConnect();
                        key.interestOps(SelectionKey.OP_READ);
                        conn.write(upgrade(conn).getBytes(StandardCharsets.US_ASCII));
                    } else if (key.isReadable()) {
                        conn.read();
                    }
                } catch (IOException e) {
                    conn.fail();
                }
            }
            if (HEARTBEAT > 0 && System.nanoTime() >= nextHeartbeat) {
                // Every connection sends its heart-beat once per interval, spread over the interval in 1 s slices.
                nextHeartbeat = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                int slices = Math.max(1, HEARTBEAT / 1000);
                long slice = (System.nanoTime() / TimeUnit.SECONDS.toNanos(1)) % slices;
                for (Conn conn : conns) {
                    if (conn != null && conn.state == State.SUBSCRIBED && conn.index % slices == slice) {
                        conn.sendText("\n");
                    }
                }
            }
        }

        private String upgrade(Conn conn) {
            byte[] key = new byte[16];
            random.nextBytes(key);
            return "GET /ws/chat HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: v12.stomp\r\n\r\n";
        }

        int open() {
            int open = 0;
            for (Conn conn : conns) {
                open += conn != null && conn.state == State.SUBSCRIBED ? 1 : 0;
            }
            return open;
        }

        /** Sends a message and a ping on one held connection; returns the bot reply's and the pong's round trip. */
        long[] ask(int n, String text) throws IOException {
            Conn conn = conns[0];
            conn.botReplied = 0;
            conn.ponged = 0;
            long sent = System.nanoTime();
            conn.sendText("SEND\ndestination:/app/chat.send\ncontent-type:application/json\n\n{\"clientMessageId\":\"q-" + n
                    + "\",\"text\":\"" + text + "\"}\0");
            long deadline = sent + TimeUnit.SECONDS.toNanos(30);
            while (conn.botReplied == 0 && System.nanoTime() < deadline) {
                poll(5);
            }
            long reply = conn.botReplied - sent;
            long pingSent = System.nanoTime();
            conn.sendText("SEND\ndestination:/app/chat.ping\ncontent-type:application/json\n\n{\"clientMessageId\":\"p-" + n
                    + "\"}\0");
            while (conn.ponged == 0 && System.nanoTime() < deadline) {
                poll(5);
            }
            return new long[] {reply, conn.ponged - pingSent};
        }

        void close() throws IOException {
            for (Conn conn : conns) {
                if (conn != null) {
                    conn.channel.close();
                }
            }
            selector.close();
        }

        private enum State { UPGRADING, CONNECTING, SUBSCRIBING, SUBSCRIBED, CLOSED }

        private final class Conn {

            final int index;
            final SocketChannel channel;
            State state = State.UPGRADING;
            private ByteBuffer in = ByteBuffer.allocate(1024);
            long botReplied;
            long ponged;

            Conn(int index, SocketChannel channel) {
                this.index = index;
                this.channel = channel;
            }

            void write(byte[] bytes) throws IOException {
                ByteBuffer out = ByteBuffer.wrap(bytes);
                while (out.hasRemaining()) {
                    if (channel.write(out) == 0) {
                        Thread.onSpinWait();
                    }
                }
            }

            void sendText(String text) {
                byte[] payload = text.getBytes(StandardCharsets.UTF_8);
                int headerLength = payload.length < 126 ? 2 : 4;
                byte[] frame = new byte[headerLength + 4 + payload.length];
                frame[0] = (byte) 0x81;
                if (payload.length < 126) {
                    frame[1] = (byte) (0x80 | payload.length);
                } else {
                    frame[1] = (byte) (0x80 | 126);
                    frame[2] = (byte) (payload.length >> 8);
                    frame[3] = (byte) payload.length;
                }
                byte[] mask = new byte[4];
                random.nextBytes(mask);
                System.arraycopy(mask, 0, frame, headerLength, 4);
                for (int i = 0; i < payload.length; i++) {
                    frame[headerLength + 4 + i] = (byte) (payload[i] ^ mask[i & 3]);
                }
                try {
                    write(frame);
                } catch (IOException e) {
                    fail();
                }
            }

            void read() throws IOException {
                if (!in.hasRemaining()) {
                    in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
                }
                int n = channel.read(in);
                if (n < 0) {
                    fail();
                    return;
                }
                in.flip();
                if (state == State.UPGRADING) {
                    String head = StandardCharsets.ISO_8859_1.decode(in.duplicate()).toString();
                    int end = head.indexOf("\r\n\r\n");
                    if (end < 0) {
                        in.compact();
                        return;
                    }
                    if (!head.startsWith("HTTP/1.1 101")) {
                        fail();
                        return;
                    }
                    in.position(end + 4);
                    state = State.CONNECTING;
                    sendText("CONNECT\naccept-version:1.2\nheart-beat:" + HEARTBEAT + "," + HEARTBEAT + "\ntoken:"
                            + tokens.get(index) + "\n\n\0");
                }
                while (in.remaining() >= 2) {
                    int start = in.position();
                    int opcode = in.get(start) & 0x0f;
                    int length = in.get(start + 1) & 0x7f;
                    int header = 2;
                    if (length == 126) {
                        if (in.remaining() < 4) {
                            break;
                        }
                        length = ((in.get(start + 2) & 0xff) << 8) | (in.get(start + 3) & 0xff);
                        header = 4;
                    } else if (length == 127) {
                        if (in.remaining() < 10) {
                            break;
                        }
                        length = (int) in.getLong(start + 2);
                        header = 10;
                    }
                    if (in.remaining() < header + length) {
                        break;
                    }
                    byte[] payload = new byte[length];
                    in.position(start + header);
                    in.get(payload);
                    if (opcode == 8) {
                        fail();
                        return;
                    }
                    if (opcode == 1) {
                        frame(new String(payload, StandardCharsets.UTF_8));
                    }
                }
                in.compact();
            }

            private void frame(String text) {
                if (text.isBlank()) {
                    heartbeats++;
                    return;
                }
                if (text.startsWith("CONNECTED")) {
                    state = State.SUBSCRIBING;
                    sendText("SUBSCRIBE\nid:0\ndestination:/user/queue/events\nreceipt:r\n\n\0");
                } else if (text.startsWith("RECEIPT") && state == State.SUBSCRIBING) {
                    state = State.SUBSCRIBED;
                    subscribed++;
                    inProgress--;
                } else if (text.startsWith("ERROR")) {
                    fail();
                } else if (text.startsWith("MESSAGE")) {
                    if (text.contains("\"type\":\"pong\"")) {
                        ponged = System.nanoTime();
                    } else if (text.contains("\"sender\":\"bot\"") && !text.contains("\"type\":\"typing\"")) {
                        botReplied = System.nanoTime();
                    }
                }
            }

            void fail() {
                if (state == State.SUBSCRIBED) {
                    dropped++;
                } else if (state != State.CLOSED) {
                    failed++;
                    inProgress--;
                }
                state = State.CLOSED;
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }
}
