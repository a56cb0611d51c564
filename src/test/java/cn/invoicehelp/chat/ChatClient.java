package cn.invoicehelp.chat;

import org.springframework.messaging.converter.SimpleMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real chat client for tests and the benchmark: REST for sessions and replay, STOMP over a native WebSocket. */
public final class ChatClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public record Session(String conversationId, String token) {
    }

    private final int port;
    private final WebSocketStompClient stomp;

    public ChatClient(int port) {
        this.port = port;
        this.stomp = new WebSocketStompClient(new StandardWebSocketClient());
        this.stomp.setMessageConverter(new SimpleMessageConverter());
        var scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        // Never keeps the test JVM alive, whatever a test leaves connected.
        scheduler.setDaemon(true);
        scheduler.initialize();
        this.stomp.setTaskScheduler(scheduler);
        this.stomp.setReceiptTimeLimit(WAIT.toMillis());
    }

    public Session open() {
        HttpResponse<String> response = post("/api/chat/sessions", "");
        if (response.statusCode() != 201) {
            throw new IllegalStateException("open failed: " + response.statusCode() + " " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return new Session(body.get("conversationId").stringValue(), body.get("token").stringValue());
    }

    public HttpResponse<String> post(String path, String body) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return send(request);
    }

    public HttpResponse<String> replayRaw(String conversationId, String authorization, String afterSeq) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/chat/sessions/"
                + conversationId + "/events" + (afterSeq == null ? "" : "?afterSeq=" + afterSeq))).GET();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return send(builder.build());
    }

    public List<JsonNode> replay(Session session, long afterSeq) {
        HttpResponse<String> response = replayRaw(session.conversationId(), "Bearer " + session.token(),
                String.valueOf(afterSeq));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("replay failed: " + response.statusCode() + " " + response.body());
        }
        List<JsonNode> events = new ArrayList<>();
        JSON.readTree(response.body()).forEach(events::add);
        return events;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Connects and subscribes (waiting for the subscription receipt); fails if the server refuses. */
    public Connection connect(String token) {
        Connection connection = new Connection();
        StompHeaders connect = new StompHeaders();
        if (token != null) {
            connect.add("token", token);
        }
        try {
            connection.session = stomp.connectAsync(URI.create("ws://localhost:" + port + "/ws/chat"),
                    new WebSocketHttpHeaders(), connect, connection).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("connect failed, error frame: " + connection.error.getNow(null), e);
        }
        connection.subscribe();
        return connection;
    }

    /**
     * Tries to connect; returns the ERROR frame's headers if the server refused, null if it answered CONNECTED (the
     * answer is awaited either way, never a timeout).
     */
    StompHeaders refusal(String token) {
        Connection connection = new Connection();
        StompHeaders connect = new StompHeaders();
        if (token != null) {
            connect.add("token", token);
        }
        stomp.connectAsync(URI.create("ws://localhost:" + port + "/ws/chat"), new WebSocketHttpHeaders(), connect,
                connection);
        try {
            CompletableFuture.anyOf(connection.error, connection.connected).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("neither CONNECTED nor ERROR from the server", e);
        }
        StompHeaders refused = connection.error.getNow(null);
        connection.connected.thenAccept(session -> {
            connection.session = session;
            connection.close();
        });
        return refused;
    }

    public static final class Connection extends StompSessionHandlerAdapter implements AutoCloseable {

        final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        public final CompletableFuture<StompHeaders> error = new CompletableFuture<>();
        public final CompletableFuture<String> errorBody = new CompletableFuture<>();
        final CompletableFuture<StompSession> connected = new CompletableFuture<>();
        private final List<JsonNode> received = new ArrayList<>();
        public StompSession session;

        private void subscribe() {
            session.setAutoReceipt(true);
            CountDownLatch subscribed = new CountDownLatch(1);
            session.subscribe("/user/queue/events", new StompFrameHandler() {
                @Override
                public Type getPayloadType(StompHeaders headers) {
                    return byte[].class;
                }

                @Override
                public void handleFrame(StompHeaders headers, Object payload) {
                    events.add(JSON.readTree(new String((byte[]) payload, StandardCharsets.UTF_8)));
                }
            }).addReceiptTask(subscribed::countDown);
            try {
                if (!subscribed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("no receipt for the subscription");
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        void sendRaw(String payload) {
            StompHeaders headers = new StompHeaders();
            headers.setDestination("/app/chat.send");
            headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
            session.send(headers, payload.getBytes(StandardCharsets.UTF_8));
        }

        /** SEND to /app/chat.ping: the server answers this connection with a pong carrying the same id. */
        void sendPing(String clientMessageId) {
            StompHeaders headers = new StompHeaders();
            headers.setDestination("/app/chat.ping");
            headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
            session.send(headers, JSON.writeValueAsString(Map.of("clientMessageId", clientMessageId))
                    .getBytes(StandardCharsets.UTF_8));
        }

        public String sendText(String text) {
            String id = UUID.randomUUID().toString();
            sendText(id, text);
            return id;
        }

        public void sendText(String clientMessageId, String text) {
            sendRaw(JSON.writeValueAsString(Map.of("clientMessageId", clientMessageId, "text", text)));
        }

        public String sendAction(String action) {
            String id = UUID.randomUUID().toString();
            sendRaw(JSON.writeValueAsString(Map.of("clientMessageId", id, "action", action)));
            return id;
        }

        /** Waits for the next event matching {@code wanted}; everything received is kept in {@link #received()}. */
        public JsonNode await(Predicate<JsonNode> wanted) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            try {
                while (true) {
                    JsonNode event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (event == null) {
                        throw new AssertionError("no matching event; received so far: " + received);
                    }
                    received.add(event);
                    if (wanted.test(event)) {
                        return event;
                    }
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        public List<JsonNode> received() {
            return received;
        }

        @Override
        public void afterConnected(StompSession session, StompHeaders connectedHeaders) {
            connected.complete(session);
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            // ERROR frames arrive here (no subscription): keep them for the test
            errorBody.complete(payload == null ? "" : new String((byte[]) payload, StandardCharsets.UTF_8));
            error.complete(headers);
        }

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return byte[].class;
        }

        @Override
        public void handleTransportError(StompSession session, Throwable exception) {
            error.complete(new StompHeaders());
        }

        @Override
        public void close() {
            disconnect(session, error);
        }
    }

    /**
     * Ends a client's STOMP session, unless the server already ended it ({@code ended}: an ERROR frame or a lost
     * connection). After an ERROR frame the server closes the socket itself, and its close may reach this side only
     * after the test has seen the frame: a DISCONNECT sent then fails on the closed socket. Closing what the server
     * closed is harmless; a DISCONNECT that fails on an open connection still throws.
     */
    public static void disconnect(StompSession session, CompletableFuture<StompHeaders> ended) {
        if (session == null || ended.isDone() || !session.isConnected()) {
            return;
        }
        try {
            session.disconnect();
        } catch (RuntimeException e) {
            // An ERROR frame the test did not wait for: it is handled before the socket's close, so it is known here.
            if (!ended.isDone()) {
                throw e;
            }
        }
    }

    /** Stored events of {@code sender} (the transient typing hint is not one of them). */
    public static Predicate<JsonNode> from(String sender) {
        return e -> sender.equals(e.path("sender").asString("")) && e.has("seq");
    }

    /** An invoice lookup's card with this result (e.g. {@code FOUND}). */
    public static Predicate<JsonNode> invoiceCard(String result) {
        return e -> "invoice".equals(e.path("card").path("kind").asString(""))
                && result.equals(e.path("card").path("result").asString(""));
    }

    public static Predicate<JsonNode> ofType(String type) {
        return e -> type.equals(e.path("type").asString(""));
    }
}
