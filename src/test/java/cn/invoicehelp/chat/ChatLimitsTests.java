package cn.invoicehelp.chat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The chat's per-client limits over real sockets, with small limits: a WebSocket that never sends CONNECT is closed,
 * one address holds a capped number of connections, and opens a capped number of sessions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "helpdesk.chat.limits.connect-timeout=1500ms",
        "helpdesk.chat.limits.connections-per-client=3",
        "helpdesk.chat.limits.sessions-per-client=5",
        "helpdesk.chat.limits.sessions-window=1h"})
@Import(ChatTestAssistant.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatLimitsTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private ChatClient client;
    private final List<ChatClient.Session> sessions = new ArrayList<>();

    @BeforeAll
    void openThreeSessions() {
        client = new ChatClient(port);
        for (int i = 0; i < 3; i++) {
            sessions.add(client.open()); // before the session test uses up this address's budget
        }
    }

    @Test
    void aWebSocketThatNeverSendsConnectIsClosedWhenTheTimeIsUp() throws Exception {
        CompletableFuture<String> closed = new CompletableFuture<>();
        WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(uri(), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode + " " + reason);
                return null;
            }
        }).get(20, TimeUnit.SECONDS);

        assertThat(closed.get(20, TimeUnit.SECONDS)).isEqualTo("1008 no STOMP CONNECT in time");
        socket.abort();
    }

    @Test
    void oneAddressHoldsAtMostTheConfiguredConnections() throws Exception {
        List<ChatClient.Connection> connections = new ArrayList<>();
        for (ChatClient.Session session : sessions) {
            connections.add(client.connect(session.token()));
        }

        Throwable refused = catchThrowable(() -> HTTP.newWebSocketBuilder().buildAsync(uri(),
                new WebSocket.Listener() { }).get(20, TimeUnit.SECONDS));
        assertThat(refused).isInstanceOf(ExecutionException.class).cause().isInstanceOf(WebSocketHandshakeException.class);
        HttpResponse<?> response = ((WebSocketHandshakeException) refused.getCause()).getResponse();
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("30");

        // Connections still open keep working; a closed one frees its place.
        connections.get(0).sendText("还在吗");
        assertThat(connections.get(0).await(ChatClient.from("bot")).get("text").asString()).isEqualTo("收到：还在吗");
        connections.remove(0).close();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .untilAsserted(() -> connections.add(client.connect(sessions.get(0).token())));
        assertThat(connections).hasSize(3);
        connections.forEach(ChatClient.Connection::close);
    }

    @Test
    void oneAddressOpensAtMostTheConfiguredSessions() {
        HttpResponse<String> response;
        int opened = sessions.size(); // opened before all tests
        while ((response = client.post("/api/chat/sessions", "")).statusCode() == 201) {
            opened++;
            assertThat(opened).as("sessions opened before a 429").isLessThanOrEqualTo(5);
        }
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 3600L);
        JsonNode body = ChatClient.JSON.readTree(response.body());
        assertThat(body.get("error").asString()).startsWith("打开对话过于频繁");
    }

    private URI uri() {
        return URI.create("ws://localhost:" + port + "/ws/chat");
    }
}
