package cn.invoicehelp.chat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static cn.invoicehelp.chat.ChatClient.from;
import static cn.invoicehelp.chat.ChatClient.ofType;
import static org.assertj.core.api.Assertions.assertThat;

@ChatSocketTest
class ChatHandoffTests {

    @LocalServerPort
    int port;

    @Autowired
    ChatTestAssistant.EchoAssistant assistant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventLog log;

    @Test
    void handoffSilencesTheBotAndQueuesTheConversationWithItsTranscript() throws Exception {
        var client = new ChatClient(port);
        ChatClient.Session session = client.open();
        UUID conversation = UUID.fromString(session.conversationId());
        try (var connection = client.connect(session.token())) {
            connection.sendText("发票查不到");
            connection.await(from("bot"));
            connection.sendAction("handoff");
            // The bot's hand-off event; the queue's place notice (also type "handoff") may reach the socket first.
            JsonNode handoff = connection.await(from("bot").and(ofType("handoff")));

            connection.sendText("还在吗");
            connection.sendText("请尽快");
            connection.sendText("谢谢");
            connection.await(e -> "谢谢".equals(e.path("text").asString("")));

            List<JsonNode> after = client.replay(session, handoff.get("seq").asLong());
            assertThat(after).filteredOn(from("bot")).isEmpty();
            assertThat(after).filteredOn(from("user")).hasSize(3);
            assertThat(after).filteredOn(e -> e.path("text").asString("").equals(ChatTurns.HANDOFF_NOTICE))
                    .as("one notice that a person will reply").hasSize(1);
            assertThat(assistant.calls(conversation)).as("assistant not asked after the handoff").isEqualTo(2);
        }

        Map<String, Object> request = awaitHandoffRequest(conversation);
        assertThat(request.get("status")).isEqualTo("WAITING");
        assertThat((String) request.get("transcript")).contains("发票查不到", "收到：发票查不到", "转人工");
        assertThat((String) request.get("steps_done")).contains("查验发票");
    }

    @Test
    void concurrentAppendsToOneConversationGetGaplessDistinctSeqs() throws Exception {
        var client = new ChatClient(port);
        ChatClient.Session session = client.open();
        UUID conversation = UUID.fromString(session.conversationId());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 80; i++) {
            pool.submit(() -> log.append(conversation,
                    locked -> locked.append(NewEvent.system("announcement", "公告", null))));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(client.replay(session, 0)).extracting(e -> e.get("seq").asLong())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 81).mapToObj(Long::valueOf).toList());
    }

    private Map<String, Object> awaitHandoffRequest(UUID conversation) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "select status, transcript, steps_done from handoff_request where conversation_id = ?",
                    conversation);
            if (!rows.isEmpty()) {
                assertThat(rows).hasSize(1);
                return rows.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no hand-off request stored");
    }
}
