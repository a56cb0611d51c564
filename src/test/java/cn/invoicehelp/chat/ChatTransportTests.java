package cn.invoicehelp.chat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static cn.invoicehelp.chat.ChatClient.from;
import static cn.invoicehelp.chat.ChatClient.ofType;
import static org.assertj.core.api.Assertions.assertThat;

@ChatSocketTest
class ChatTransportTests {

    @LocalServerPort
    int port;

    @Autowired
    ChatTestAssistant.EchoAssistant assistant;

    ChatClient client;

    @BeforeEach
    void client() {
        client = new ChatClient(port);
    }

    @Test
    void newSessionGetsSecretTokenAndGreetingThroughReplay() {
        ChatClient.Session session = client.open();

        assertThat(session.token()).matches("[A-Za-z0-9_-]{43,}");
        List<JsonNode> events = client.replay(session, 0);
        assertThat(events).isNotEmpty();
        JsonNode greeting = events.get(0);
        assertThat(greeting.get("seq").asLong()).isEqualTo(1);
        assertThat(greeting.get("type").asString()).isEqualTo("message");
        assertThat(greeting.get("sender").asString()).isEqualTo("bot");
        assertThat(greeting.get("text").asString()).isNotBlank();
        assertThat(greeting.get("quickReplies").get(0).get("action").asString()).isEqualTo("check");
        assertThat(greeting.has("createdAt")).isTrue();
        assertThat(greeting.has("card")).as("null fields are omitted").isFalse();
    }

    @Test
    void acceptsPageUrlAndLocaleAndRejectsMalformedBody() {
        assertThat(client.post("/api/chat/sessions", "{\"pageUrl\":\"https://fp.example/cx\",\"locale\":\"zh-CN\"}")
                .statusCode()).isEqualTo(201);
        var bad = client.post("/api/chat/sessions", "{\"pageUrl\":");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("JSON").doesNotContain("Exception");
    }

    @Test
    void echoesTheMessageOnceAndTheBotAnswers() {
        ChatClient.Session session = client.open();
        try (var connection = client.connect(session.token())) {
            String id = connection.sendText("我的发票在北京系统里查不到");

            JsonNode echo = connection.await(from("user"));
            JsonNode reply = connection.await(from("bot"));

            assertThat(echo.get("clientMessageId").asString()).isEqualTo(id);
            assertThat(echo.get("text").asString()).isEqualTo("我的发票在北京系统里查不到");
            assertThat(echo.get("seq").asLong()).isEqualTo(2);
            assertThat(reply.get("text").asString()).isEqualTo("收到：我的发票在北京系统里查不到");
            assertThat(reply.get("seq").asLong()).isEqualTo(3);
        }
    }

    @Test
    void quickReplyIsEchoedWithItsLabel() {
        ChatClient.Session session = client.open();
        try (var connection = client.connect(session.token())) {
            connection.sendAction("check");

            JsonNode echo = connection.await(from("user"));
            assertThat(echo.get("text").asString()).isEqualTo("查验发票");
            assertThat(echo.get("action").asString()).isEqualTo("check");
            assertThat(connection.await(from("bot")).get("text").asString()).isEqualTo("选项：check");
        }
    }

    @Test
    void resentMessageIsStoredAndAnsweredOnlyOnce() {
        ChatClient.Session session = client.open();
        UUID conversation = UUID.fromString(session.conversationId());
        try (var connection = client.connect(session.token())) {
            String id = UUID.randomUUID().toString();
            connection.sendText(id, "第一次");
            JsonNode echo = connection.await(from("user"));
            connection.await(from("bot"));

            connection.sendText(id, "第一次");
            JsonNode again = connection.await(from("user"));
            connection.sendText("下一条");
            connection.await(e -> e.path("text").asString("").equals("收到：下一条"));

            assertThat(again.get("seq").asLong()).isEqualTo(echo.get("seq").asLong());
            assertThat(connection.received()).filteredOn(from("bot")).hasSize(2);
        }
        List<JsonNode> log = client.replay(session, 0);
        assertThat(log).filteredOn(e -> e.path("clientMessageId").asString("").length() > 0).hasSize(2);
        assertThat(assistant.calls(conversation)).isEqualTo(2);
    }

    @Test
    void botReplyIsStoredTogetherWithWhatTheAssistantRemembersOrNotAtAll() {
        ChatClient.Session session = client.open();
        UUID conversation = UUID.fromString(session.conversationId());
        try (var connection = client.connect(session.token())) {
            assistant.failingMemory.add(conversation);
            String id = UUID.randomUUID().toString();
            connection.sendText(id, "记不住的问题");
            connection.await(from("user"));
            JsonNode apology = connection.await(from("system"));
            assertThat(apology.get("text").asString()).isEqualTo(AssistantGateway.UNAVAILABLE);
            assertThat(client.replay(session, 0)).extracting(e -> e.path("text").asString(""))
                    .contains("记不住的问题").doesNotContain("收到：记不住的问题");

            assistant.failingMemory.remove(conversation);
            connection.sendText(id, "记不住的问题");
            // The echo was not marked answered either, so the resent message is answered now, once.
            connection.await(e -> e.path("text").asString("").equals("收到：记不住的问题"));
            connection.sendText("再下一条");
            connection.await(e -> e.path("text").asString("").equals("收到：再下一条"));
        }
        assertThat(assistant.remembered(conversation)).containsExactly("记不住的问题", "再下一条");
        // The first message was asked twice (its one-step batch failed, then the two-step answer), the resend once.
        assertThat(assistant.calls(conversation)).isEqualTo(4);
        assertThat(client.replay(session, 0)).extracting(e -> e.path("text").asString(""))
                .filteredOn(t -> t.startsWith("收到：")).containsExactly("收到：记不住的问题", "收到：再下一条");
    }

    @Test
    void aTurnWhoseAssistantStateChangedMeanwhileIsAnsweredFromFreshStateOnce() {
        ChatClient.Session session = client.open();
        UUID conversation = UUID.fromString(session.conversationId());
        try (var connection = client.connect(session.token())) {
            assistant.staleOnce.add(conversation);
            String id = connection.sendText("状态变了的问题");
            connection.await(e -> e.path("text").asString("").equals("收到：状态变了的问题"));

            // The refused batch stored nothing: one echo, then the typing hint while the bot answers again (a hint
            // from the bot, outside the numbered log), and the answer of the second try.
            assertThat(connection.received()).extracting(e -> e.get("type").asString() + ":" + e.path("seq").asLong(0))
                    .containsExactly("message:2", "typing:0", "message:3");
            JsonNode typing = connection.received().get(1);
            assertThat(typing.get("sender").asString()).isEqualTo("bot");
            assertThat(typing.has("seq")).as("a hint, not part of the numbered log").isFalse();
            connection.sendText(id, "状态变了的问题");
            assertThat(connection.await(from("user")).get("seq").asLong()).as("a resend gets the stored echo")
                    .isEqualTo(2);
        }
        List<JsonNode> log = client.replay(session, 0);
        assertThat(log).extracting(e -> e.get("seq").asLong())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, log.size()).mapToObj(i -> (long) i).toList());
        assertThat(log).extracting(e -> e.get("type").asString()).doesNotContain("typing");
        assertThat(log).extracting(e -> e.path("text").asString("")).endsWith("状态变了的问题", "收到：状态变了的问题");
        assertThat(assistant.remembered(conversation)).containsExactly("状态变了的问题");
        assertThat(assistant.calls(conversation)).as("asked again after the refused batch, not after the resend")
                .isEqualTo(2);
    }

    @Test
    void handshakeDeclinesCompressionSoAnIdleConnectionKeepsNoDeflater() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(("GET /ws/chat HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
                    + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                    socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            List<String> head = new java.util.ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.add(line.toLowerCase(java.util.Locale.ROOT));
            }
            assertThat(head.get(0)).contains("101");
            assertThat(head).noneMatch(line -> line.startsWith("sec-websocket-extensions"));
        }
    }

    @Test
    void reconnectingClientReplaysWhatItMissedWithoutGapsOrDuplicates() {
        ChatClient.Session session = client.open();
        long lastSeen;
        try (var first = client.connect(session.token())) {
            first.sendText("上线时的消息");
            lastSeen = first.await(from("bot")).get("seq").asLong();
        }
        // While the first client is away, the conversation goes on over another connection.
        try (var other = client.connect(session.token())) {
            other.sendText("离线期间一");
            other.await(e -> e.path("text").asString("").equals("收到：离线期间一"));
            other.sendText("离线期间二");
            other.await(e -> e.path("text").asString("").equals("收到：离线期间二"));
        }

        List<JsonNode> missed = client.replay(session, lastSeen);

        assertThat(missed).extracting(e -> e.get("seq").asLong())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 4).mapToObj(i -> lastSeen + i).toList());
        assertThat(missed).extracting(e -> e.get("text").asString())
                .containsExactly("离线期间一", "收到：离线期间一", "离线期间二", "收到：离线期间二");
        try (var back = client.connect(session.token())) {
            back.sendText("我回来了");
            assertThat(back.await(from("user")).get("seq").asLong()).isEqualTo(lastSeen + 5);
        }
    }

    @Test
    void anAnswerReadyWhenTheEchoIsStoredFollowsItAtOnceWithoutATypingHint() {
        ChatClient.Session session = client.open();
        try (var connection = client.connect(session.token())) {
            connection.sendText("在吗");
            connection.await(from("bot"));

            assertThat(connection.received()).extracting(e -> e.get("type").asString() + ":" + e.path("seq").asLong(0))
                    .containsExactly("message:2", "message:3");
        }
    }

    @Test
    void everyOpenTabOfTheConversationGetsTheLiveEvents() {
        ChatClient.Session session = client.open();
        try (var first = client.connect(session.token()); var second = client.connect(session.token())) {
            first.sendText("第一个标签页发的");
            second.sendText("第二个标签页发的");

            for (var tab : List.of(first, second)) {
                tab.await(e -> e.path("seq").asLong(0) == 5);
                List<JsonNode> stored = tab.received().stream().filter(e -> e.has("seq")).toList();
                assertThat(stored).extracting(e -> e.get("seq").asLong()).containsExactly(2L, 3L, 4L, 5L);
                assertThat(stored).extracting(e -> e.get("text").asString())
                        .contains("收到：第一个标签页发的", "收到：第二个标签页发的");
            }
        }
    }

    @Test
    void widgetOnAnAllowedSiteMayCallTheRestApiAcrossOrigins() throws Exception {
        var preflight = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/api/chat/sessions/x/events"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:9999")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").build();
        var allowed = java.net.http.HttpClient.newHttpClient().send(preflight,
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:9999");

        var foreign = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/chat/sessions"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void refusesConnectionsWithoutAValidToken() {
        for (String token : new String[] {null, "not-a-real-token"}) {
            var refusal = client.refusal(token);
            assertThat(refusal).as("ERROR frame for token %s", token).isNotNull();
            assertThat(refusal.getFirst("message")).isEqualTo("unauthorized");
        }
        assertThat(client.refusal(client.open().token())).as("a valid token connects").isNull();
    }

    @Test
    void replayNeedsTheConversationsOwnToken() {
        ChatClient.Session mine = client.open();
        ChatClient.Session theirs = client.open();
        String id = mine.conversationId();

        assertThat(client.replayRaw(id, null, "0").statusCode()).isEqualTo(401);
        assertThat(client.replayRaw(id, "Bearer wrong", "0").statusCode()).isEqualTo(401);
        assertThat(client.replayRaw(id, "Bearer " + theirs.token(), "0").statusCode()).isEqualTo(403);
        assertThat(client.replayRaw(UUID.randomUUID().toString(), "Bearer " + mine.token(), "0").statusCode())
                .isEqualTo(404);
        var bad = client.replayRaw(id, "Bearer " + mine.token(), "abc");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("afterSeq");
        assertThat(client.replayRaw(id, "Bearer " + mine.token(), "-1").statusCode()).isEqualTo(400);
        assertThat(client.replayRaw(id, "Bearer " + mine.token(), null).statusCode()).isEqualTo(200);
    }
}
