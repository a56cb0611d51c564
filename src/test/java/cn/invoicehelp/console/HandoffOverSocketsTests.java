package cn.invoicehelp.console;

import cn.invoicehelp.chat.ChatClient;
import cn.invoicehelp.chat.ChatSocketTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.invoicehelp.chat.ChatClient.from;
import static cn.invoicehelp.chat.ChatClient.ofType;
import static org.assertj.core.api.Assertions.assertThat;

/** A whole hand-off with a visitor on the chat socket and an agent on the console API and agent socket. */
@ChatSocketTest
class HandoffOverSocketsTests {

    @LocalServerPort
    int port;

    @Test
    void visitorQueuesAgentClaimsTheyTalkANoteStaysPrivateCloseAndRating() throws Exception {
        StaffClient agent = StaffClient.newAgent(port, "客服小周");
        ChatClient chat = new ChatClient(port);
        ChatClient.Session session = chat.open();
        String conversation = session.conversationId();
        String secret = "内部备注-" + UUID.randomUUID();

        try (var socket = agent.socket(null); var visitor = chat.connect(session.token())) {
            var queue = socket.subscribe("/topic/console/handoffs");
            var live = socket.subscribe("/topic/console/conversations/" + conversation);

            // queue position, live for the visitor and the console
            visitor.sendText("发票查不到");
            visitor.await(from("bot"));
            visitor.sendAction("handoff");
            JsonNode queued = visitor.await(e -> "queue".equals(e.path("card").path("kind").asString("")));
            assertThat(queued.path("type").asString()).isEqualTo("handoff");
            assertThat(queued.path("card").path("position").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(queued.path("card").has("estimatedWaitSeconds")).isTrue();
            JsonNode snapshot = StaffClient.await(queue, list -> contains(list, conversation));
            assertThat(find(snapshot, conversation).path("status").asString()).isEqualTo("WAITING");
            assertThat(find(agent.json(agent.get("/api/console/handoffs")), conversation).path("position").asInt())
                    .isGreaterThanOrEqualTo(1);

            // claim: the visitor is told who joined
            assertThat(agent.post("/api/console/handoffs/" + conversation + "/claim", null).statusCode()).isEqualTo(200);
            JsonNode joined = visitor.await(ofType("system"));
            assertThat(joined.path("text").asString()).isEqualTo("人工客服 客服小周 已接入");

            // both ways
            visitor.sendText("请帮我看看 12345678 这张票");
            StaffClient.await(live, e -> "请帮我看看 12345678 这张票".equals(e.path("text").asString("")));
            HttpResponse<String> reply = agent.post("/api/console/conversations/" + conversation + "/messages",
                    Map.of("clientMessageId", "a-1", "text", "您好，我来帮您查一下。"));
            assertThat(reply.statusCode()).isEqualTo(201);
            JsonNode answer = visitor.await(from("agent"));
            assertThat(answer.path("text").asString()).isEqualTo("您好，我来帮您查一下。");
            assertThat(answer.path("senderName").asString()).isEqualTo("客服小周");
            // resending the same clientMessageId sends nothing new
            agent.post("/api/console/conversations/" + conversation + "/messages",
                    Map.of("clientMessageId", "a-1", "text", "您好，我来帮您查一下。"));

            // a private note: the console sees it, the visitor never does
            assertThat(agent.post("/api/console/conversations/" + conversation + "/messages",
                    Map.of("clientMessageId", "n-1", "text", secret, "internal", true)).statusCode()).isEqualTo(201);
            JsonNode note = StaffClient.await(live, e -> secret.equals(e.path("text").asString("")));
            assertThat(note.path("internal").asBoolean()).isTrue();
            agent.post("/api/console/conversations/" + conversation + "/messages",
                    Map.of("clientMessageId", "a-2", "text", "查到了，是开票方还没上传。"));
            visitor.await(e -> "查到了，是开票方还没上传。".equals(e.path("text").asString("")));

            // close: closed event with a rating prompt, then the rating is stored once
            assertThat(agent.post("/api/console/conversations/" + conversation + "/close", null).statusCode())
                    .isEqualTo(200);
            JsonNode closed = visitor.await(ofType("closed"));
            assertThat(closed.path("card").path("kind").asString()).isEqualTo("rating");

            assertThat(visitor.received()).noneMatch(e -> e.toString().contains(secret));
            List<JsonNode> replay = chat.replay(session, 0);
            assertThat(replay).noneMatch(e -> e.toString().contains(secret));
            assertThat(replay).filteredOn(from("agent")).hasSize(2);
            assertThat(replay).extracting(e -> e.path("seq").asLong())
                    .as("gap-free").isEqualTo(java.util.stream.LongStream.rangeClosed(1, replay.size()).boxed().toList());

            JsonNode view = agent.json(agent.get("/api/console/conversations/" + conversation));
            assertThat(view.path("events").toString()).contains(secret, "发票查不到", "收到：发票查不到");
            assertThat(view.path("stepsDone").toString()).contains("查验发票");
            assertThat(view.path("invoiceFields").path("number").asString()).isEqualTo("12345678");

            assertThat(rate(session, "{\"score\":5,\"comment\":\"很快\"}").statusCode()).isEqualTo(201);
            assertThat(rate(session, "{\"score\":1}").statusCode()).isEqualTo(409);
            assertThat(agent.json(agent.get("/api/console/conversations/" + conversation)).path("rating")
                    .path("score").asInt()).isEqualTo(5);
        }
    }

    @Test
    void aRatingBeforeTheCloseOrOutOfRangeIsRefused() {
        ChatClient chat = new ChatClient(port);
        ChatClient.Session session = chat.open();
        assertThat(rate(session, "{\"score\":9}").statusCode()).isEqualTo(400);
        assertThat(rate(session, "{\"score\":4}").statusCode()).isEqualTo(409);
        ChatClient.Session other = chat.open();
        HttpResponse<String> foreign = send(session.conversationId(), other.token(), "{\"score\":4}");
        assertThat(foreign.statusCode()).isEqualTo(403);
    }

    @Test
    void onlyTheAgentWhoClaimedMayReplyOthersMayAddNotes() {
        StaffClient first = StaffClient.newAgent(port, "甲");
        StaffClient second = StaffClient.newAgent(port, "乙");
        ChatClient chat = new ChatClient(port);
        ChatClient.Session session = chat.open();
        try (var visitor = chat.connect(session.token())) {
            visitor.sendAction("handoff");
            visitor.await(e -> "queue".equals(e.path("card").path("kind").asString("")));
        }
        String id = session.conversationId();
        assertThat(first.post("/api/console/handoffs/" + id + "/claim", null).statusCode()).isEqualTo(200);
        HttpResponse<String> lost = second.post("/api/console/handoffs/" + id + "/claim", null);
        assertThat(lost.statusCode()).isEqualTo(409);
        assertThat(lost.body()).contains("甲");
        assertThat(second.post("/api/console/conversations/" + id + "/messages",
                Map.of("clientMessageId", "x", "text", "我来")).statusCode()).isEqualTo(409);
        assertThat(second.post("/api/console/conversations/" + id + "/messages",
                Map.of("clientMessageId", "y", "text", "备注", "internal", true)).statusCode()).isEqualTo(201);
        assertThat(first.post("/api/console/conversations/" + id + "/messages",
                Map.of("clientMessageId", "z", "text", " ")).statusCode()).isEqualTo(400);
    }

    @Test
    void aTransferMovesTheConversationAndAReleaseGivesItBackToTheBot() {
        StaffClient first = StaffClient.newAgent(port, "丙");
        StaffClient second = StaffClient.newAgent(port, "丁");
        String secondName = second.json(second.get("/api/console/me")).path("username").asString();
        ChatClient chat = new ChatClient(port);
        ChatClient.Session session = chat.open();
        String id = session.conversationId();
        try (var visitor = chat.connect(session.token())) {
            visitor.sendAction("handoff");
            visitor.await(e -> "queue".equals(e.path("card").path("kind").asString("")));
            first.post("/api/console/handoffs/" + id + "/claim", null);
            visitor.await(e -> "人工客服 丙 已接入".equals(e.path("text").asString("")));

            assertThat(second.post("/api/console/conversations/" + id + "/release", null).statusCode())
                    .as("only the holder hands back").isEqualTo(409);
            assertThat(first.post("/api/console/conversations/" + id + "/transfer", Map.of("to", "nobody"))
                    .statusCode()).isEqualTo(400);
            assertThat(first.post("/api/console/conversations/" + id + "/transfer", Map.of("to", secondName))
                    .statusCode()).isEqualTo(200);
            visitor.await(e -> "已为您转接至人工客服 丁".equals(e.path("text").asString("")));
            assertThat(first.post("/api/console/conversations/" + id + "/messages",
                    Map.of("clientMessageId", "f-1", "text", "还是我")).statusCode()).isEqualTo(409);
            assertThat(second.post("/api/console/conversations/" + id + "/messages",
                    Map.of("clientMessageId", "s-1", "text", "您好，我接着为您处理。")).statusCode()).isEqualTo(201);
            visitor.await(from("agent"));

            assertThat(second.post("/api/console/conversations/" + id + "/release", null).statusCode()).isEqualTo(200);
            visitor.await(e -> "system".equals(e.path("type").asString("")) && e.path("text").asString("").contains("智能助手"));
            visitor.sendText("还有一个问题");
            assertThat(visitor.await(from("bot")).path("text").asString()).isEqualTo("收到：还有一个问题");
        }
    }

    @Test
    void whileWaitingAVisitorWhoChoosesToLeaveAMessageTalksToTheBotUntilAPersonTakesOver() {
        StaffClient agent = StaffClient.newAgent(port, "戊");
        ChatClient chat = new ChatClient(port);
        ChatClient.Session session = chat.open();
        String id = session.conversationId();
        try (var visitor = chat.connect(session.token())) {
            visitor.sendAction("handoff");
            visitor.await(e -> "queue".equals(e.path("card").path("kind").asString("")));
            visitor.sendText("等待中说的话");
            visitor.await(e -> "等待中说的话".equals(e.path("text").asString("")));

            visitor.sendAction("report");
            assertThat(visitor.await(from("bot")).path("text").asString()).isEqualTo("选项：report");
            visitor.sendText("开票后三天还查不到");
            assertThat(visitor.await(from("bot")).path("text").asString()).isEqualTo("收到：开票后三天还查不到");

            agent.post("/api/console/handoffs/" + id + "/claim", null);
            visitor.await(ofType("system"));
            visitor.sendText("客服在吗");
            // turns of one conversation run in order: once the next echo is here, the previous turn is complete
            visitor.sendText("再问一次");
            visitor.await(e -> "再问一次".equals(e.path("text").asString("")));
        }
        List<JsonNode> replay = chat.replay(session, 0);
        assertThat(replay).filteredOn(from("bot")).extracting(e -> e.path("text").asString())
                .doesNotContain("收到：等待中说的话", "收到：客服在吗");
    }

    private HttpResponse<String> rate(ChatClient.Session session, String body) {
        return send(session.conversationId(), session.token(), body);
    }

    private HttpResponse<String> send(String conversationId, String token, String body) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                            + port + "/api/chat/sessions/" + conversationId + "/rating"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean contains(JsonNode list, String conversationId) {
        return find(list, conversationId) != null;
    }

    private static JsonNode find(JsonNode list, String conversationId) {
        for (JsonNode h : list) {
            if (conversationId.equals(h.path("conversationId").asString(""))) {
                return h;
            }
        }
        return null;
    }
}
