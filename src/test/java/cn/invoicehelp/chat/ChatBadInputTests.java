package cn.invoicehelp.chat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.messaging.simp.stomp.StompHeaders;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static cn.invoicehelp.chat.ChatClient.from;
import static cn.invoicehelp.chat.ChatClient.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ChatSocketTest
class ChatBadInputTests {

    @LocalServerPort
    int port;

    static Stream<Arguments> badMessages() {
        return Stream.of(
                Arguments.of("too long", "{\"clientMessageId\":\"m-1\",\"text\":\"" + "票".repeat(2001) + "\"}", "m-1"),
                Arguments.of("empty", "{\"clientMessageId\":\"m-2\",\"text\":\"\"}", "m-2"),
                Arguments.of("whitespace", "{\"clientMessageId\":\"m-3\",\"text\":\" \\n\\t \"}", "m-3"),
                Arguments.of("control character", "{\"clientMessageId\":\"m-4\",\"text\":\"发票\\u0000\\u0007\"}", "m-4"),
                Arguments.of("malformed JSON", "{\"clientMessageId\":\"m-5\",\"text\":", null),
                Arguments.of("not an object", "[\"发票\"]", null),
                Arguments.of("neither text nor action", "{\"clientMessageId\":\"m-6\"}", "m-6"),
                Arguments.of("both text and action", "{\"clientMessageId\":\"m-7\",\"text\":\"a\",\"action\":\"b\"}", "m-7"),
                Arguments.of("text not a string", "{\"clientMessageId\":\"m-8\",\"text\":42}", "m-8"),
                Arguments.of("missing clientMessageId", "{\"text\":\"我的发票查不到\"}", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMessages")
    void badMessageGetsAnErrorEventAndTheConnectionKeepsWorking(String name, String payload, String clientMessageId) {
        var client = new ChatClient(port);
        ChatClient.Session session = client.open();
        try (var connection = client.connect(session.token())) {
            connection.sendRaw(payload);
            JsonNode error = connection.await(ofType("error"));

            assertThat(error.get("sender").asString()).isEqualTo("system");
            assertThat(error.get("text").asString()).containsPattern("\\p{IsHan}").doesNotContain("Exception");
            assertThat(error.get("seq").asLong()).as("errors are stored events too").isEqualTo(2);
            if (clientMessageId != null) {
                assertThat(error.get("clientMessageId").asString()).isEqualTo(clientMessageId);
            }

            connection.sendText("还能用吗");
            assertThat(connection.await(from("bot")).get("text").asString()).isEqualTo("收到：还能用吗");
        }
        List<JsonNode> log = client.replay(session, 0);
        assertThat(log).filteredOn(from("user")).extracting(e -> e.get("text").asString()).containsExactly("还能用吗");
        assertThat(log).filteredOn(ofType("error")).hasSize(1);
    }

    @Test
    void slowsDownAConversationSendingMoreThanTwentyMessagesInTenSeconds() {
        var client = new ChatClient(port);
        ChatClient.Session session = client.open();
        try (var connection = client.connect(session.token())) {
            for (int i = 1; i <= 25; i++) {
                connection.sendText("消息" + i);
            }
            JsonNode notice = connection.await(ofType("error"));
            assertThat(notice.get("text").asString()).contains("太快");
            assertThat(notice.get("clientMessageId")).isNotNull();
            for (int i = 0; i < 4; i++) {
                connection.await(ofType("error")); // all 25 frames handled before the log is read
            }
        }
        List<JsonNode> log = client.replay(session, 0);
        assertThat(log).filteredOn(from("user")).hasSize(20);
        assertThat(log).filteredOn(ofType("error")).hasSize(5);
    }

    @Test
    void refusesSubscriptionsToOtherDestinations() throws Exception {
        var client = new ChatClient(port);
        var connection = client.connect(client.open().token());
        connection.session.subscribe("/queue/events-user" + "someone-else", new StompSessionHandlerAdapter() {
        });
        // The server answers with an ERROR frame and closes the connection.
        assertThat(connection.error.get(ChatClient.WAIT.toMillis(), TimeUnit.MILLISECONDS).getFirst("message"))
                .isEqualTo("forbidden destination");
    }

    @Test
    void refusesHandshakesFromForeignOrigins() {
        var stomp = new WebSocketStompClient(new StandardWebSocketClient());
        var headers = new WebSocketHttpHeaders();
        headers.setOrigin("https://evil.example");
        assertThatThrownBy(() -> stomp.connectAsync(URI.create("ws://localhost:" + port + "/ws/chat"), headers,
                new StompHeaders(), new StompSessionHandlerAdapter() { }).get(20, TimeUnit.SECONDS))
                .hasMessageContaining("403");
    }
}
