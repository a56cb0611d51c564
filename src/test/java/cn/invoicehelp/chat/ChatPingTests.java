package cn.invoicehelp.chat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static cn.invoicehelp.chat.ChatClient.from;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /app/chat.ping}: a pong to the pinging connection only (not to another one), not stored, no seq. */
@ChatSocketTest
class ChatPingTests {

    @LocalServerPort
    int port;

    @Test
    void aPingIsAnsweredOnThatConnectionOnlyAndNeverStored() {
        var client = new ChatClient(port);
        var session = client.open();
        try (var pinging = client.connect(session.token()); var otherTab = client.connect(session.token())) {
            otherTab.sendPing("ping-2");
            assertThat(otherTab.await(e -> true).get("clientMessageId").asString()).isEqualTo("ping-2");

            // Frames to one connection keep their order: had this connection got the other tab's pong too, that
            // pong would arrive before the answer to its own ping.
            pinging.sendPing("ping-1");
            JsonNode pong = pinging.await(e -> true);
            assertThat(pong.get("type").asString()).isEqualTo("pong");
            assertThat(pong.get("clientMessageId").asString()).isEqualTo("ping-1");
            assertThat(pong.has("seq")).isFalse();
        }
        try (var connection = client.connect(session.token())) {
            connection.sendText("在吗");
            connection.await(from("bot"));
        }
        assertThat(client.replay(session, 0)).extracting(e -> e.get("type").asString()).doesNotContain("pong");
    }
}
