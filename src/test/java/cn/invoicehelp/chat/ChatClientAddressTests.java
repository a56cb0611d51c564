package cn.invoicehelp.chat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static cn.invoicehelp.chat.ChatClient.from;
import static org.assertj.core.api.Assertions.assertThat;

/** The bot is asked on behalf of the address the WebSocket came from, so its lookups share that client's limit. */
@ChatSocketTest
class ChatClientAddressTests {

    @LocalServerPort
    int port;

    @Autowired
    ChatTestAssistant.EchoAssistant assistant;

    @Test
    void turnsCarryTheAddressOfTheHandshake() {
        ChatClient client = new ChatClient(port);
        ChatClient.Session session = client.open();
        try (var connection = client.connect(session.token())) {
            connection.sendText("查一下发票");
            connection.await(from("bot"));
        }

        assertThat(assistant.client(UUID.fromString(session.conversationId())))
                .isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }
}
