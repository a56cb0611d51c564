package cn.invoicehelp.chat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static cn.invoicehelp.chat.ChatClient.from;
import static cn.invoicehelp.chat.ChatClient.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;

/** One connection sees a conversation's live events in seq order, whichever thread stored and sent them. */
@ChatSocketTest
class LiveOrderTests {

    @LocalServerPort
    int port;

    @Autowired
    EventSender sender;

    @Test
    void theQueueNoticeOfAHandoffNeverOvertakesTheBotsHandoffEvent() {
        // The turn's send of the bot's hand-off is slow; the queue notice is stored right after the turn's commit by
        // a listener on another thread, with the next seq.
        doAnswer(call -> {
            List<EventView> events = call.getArgument(1);
            if (events.stream().anyMatch(e -> "handoff".equals(e.type()) && "bot".equals(e.sender()))) {
                Thread.sleep(300);
            }
            return call.callRealMethod();
        }).when(sender).send(any(), anyList());

        var client = new ChatClient(port);
        try (var connection = client.connect(client.open().token())) {
            connection.sendAction("handoff");
            // Both the bot's hand-off and the queue's place notice, in whatever order they come.
            connection.await(e -> connection.received().stream().anyMatch(from("bot").and(ofType("handoff")))
                    && connection.received().stream().anyMatch(from("system").and(ofType("handoff"))));

            List<Long> seqs = connection.received().stream().filter(e -> e.has("seq"))
                    .map(e -> e.get("seq").asLong()).toList();
            assertThat(seqs).as("live events in the order they were stored").isSorted().doesNotHaveDuplicates();
        }
    }
}
