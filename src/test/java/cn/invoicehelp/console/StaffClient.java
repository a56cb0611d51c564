package cn.invoicehelp.console;

import cn.invoicehelp.chat.ChatClient;
import org.springframework.messaging.converter.SimpleMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.Type;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.invoicehelp.chat.ChatClient.JSON;
import static cn.invoicehelp.chat.ChatClient.WAIT;

/** A signed-in console user over real HTTP (session cookie, CSRF header) and the agent socket. */
public final class StaffClient {

    static final String ADMIN_PASSWORD = "admin-test-password";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final int port;
    final CookieManager cookies;
    final HttpClient http;
    String csrfHeader;
    String csrfToken;
    String username;

    public StaffClient(int port) {
        this(port, new CookieManager());
    }

    private StaffClient(int port, CookieManager cookies) {
        this.port = port;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The same signed-in browser talking to another node (same session cookie and CSRF token). */
    StaffClient on(int otherPort) {
        StaffClient other = new StaffClient(otherPort, cookies);
        other.csrfHeader = csrfHeader;
        other.csrfToken = csrfToken;
        other.username = username;
        return other;
    }

    public static StaffClient admin(int port) {
        StaffClient admin = new StaffClient(port);
        admin.signIn("admin", ADMIN_PASSWORD);
        return admin;
    }

    /** Creates a new agent account (as the admin) with a random user name, which it returns. */
    static String createAgent(int port, String displayName, String password) {
        String username = "agent-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin(port).post("/api/console/agents", Map.of("username", username,
                "displayName", displayName, "password", password));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("agent not created: " + created.statusCode() + " " + created.body());
        }
        return username;
    }

    /** A new agent account (created by an admin), signed in. */
    static StaffClient newAgent(int port, String displayName) {
        String username = createAgent(port, displayName, "agent-password-1");
        StaffClient agent = new StaffClient(port);
        agent.signIn(username, "agent-password-1");
        return agent;
    }

    /** The form login as a browser does it: the page's CSRF token, then POST /login. Returns the POST's response. */
    HttpResponse<String> login(String username, String password) {
        HttpResponse<String> page = send(request("/login").GET().build());
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page: " + page.body());
        }
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        return send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    void signIn(String username, String password) {
        this.username = username;
        HttpResponse<String> response = login(username, password);
        if (response.statusCode() != 302 || !response.headers().firstValue("Location").orElse("").endsWith("/console")) {
            throw new IllegalStateException("login failed: " + response.statusCode() + " " + response.headers().map());
        }
        JsonNode me = JSON.readTree(get("/api/console/me").body());
        csrfHeader = me.path("csrf").path("headerName").asString();
        csrfToken = me.path("csrf").path("token").asString();
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> post(String path, Object body) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body)));
        if (csrfToken != null) {
            builder.header(csrfHeader, csrfToken);
        }
        return send(builder.build());
    }

    HttpResponse<String> postWithoutCsrf(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body))).build());
    }

    public HttpResponse<String> delete(String path) {
        HttpRequest.Builder builder = request(path).DELETE();
        if (csrfToken != null) {
            builder.header(csrfHeader, csrfToken);
        }
        return send(builder.build());
    }

    public JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(c -> c.getName() + "=" + c.getValue()).findFirst().orElse("");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json");
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The agent socket with this client's session, optionally from a browser origin. */
    AgentSocket socket(String origin) {
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
        stomp.setMessageConverter(new SimpleMessageConverter());
        var scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.initialize();
        stomp.setTaskScheduler(scheduler);
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        if (!sessionCookie().isEmpty()) {
            headers.add("Cookie", sessionCookie());
        }
        if (origin != null) {
            headers.setOrigin(origin);
        }
        AgentSocket socket = new AgentSocket();
        try {
            socket.session = stomp.connectAsync(URI.create("ws://localhost:" + port + "/ws/agent"), headers,
                    new StompHeaders(), socket).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("agent socket refused", e);
        }
        return socket;
    }

    static final class AgentSocket extends StompSessionHandlerAdapter implements AutoCloseable {

        StompSession session;
        final CompletableFuture<StompHeaders> error = new CompletableFuture<>();

        /** Subscribes and waits until the subscription is live. */
        BlockingQueue<JsonNode> subscribe(String destination) {
            BlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
            StompHeaders headers = new StompHeaders();
            headers.setDestination(destination);
            headers.setReceipt("r-" + destination.hashCode());
            CountDownLatch live = new CountDownLatch(1);
            session.subscribe(headers, new StompFrameHandler() {
                @Override
                public Type getPayloadType(StompHeaders h) {
                    return byte[].class;
                }

                @Override
                public void handleFrame(StompHeaders h, Object payload) {
                    queue.add(JSON.readTree(new String((byte[]) payload, StandardCharsets.UTF_8)));
                }
            }).addReceiptTask(live::countDown);
            try {
                if (!live.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("no receipt for " + destination);
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return queue;
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            error.complete(headers);
        }

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return byte[].class;
        }

        @Override
        public void handleTransportError(StompSession s, Throwable exception) {
            error.complete(new StompHeaders());
        }

        @Override
        public void close() {
            ChatClient.disconnect(session, error);
        }
    }

    /** Next message on the queue matching {@code wanted} (others are skipped). */
    static JsonNode await(BlockingQueue<JsonNode> queue, Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<JsonNode> skipped = new java.util.ArrayList<>();
        try {
            while (true) {
                JsonNode next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("no matching message; skipped: " + skipped);
                }
                if (wanted.test(next)) {
                    return next;
                }
                skipped.add(next);
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static ChatClient visitor(int port) {
        return new ChatClient(port);
    }
}
