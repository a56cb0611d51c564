package cn.invoicehelp.chat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static cn.invoicehelp.chat.ChatClient.invoiceCard;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor walks the self-check of "发票查不到" over a real socket with the real assistant, FAQ and invoice engine:
 * network, then the lookup (含税 mistake, corrected), a side question, then a person.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ChatWalkthroughTests {

    @LocalServerPort
    int port;

    private static Predicate<JsonNode> offering(String action) {
        return e -> StreamSupport.stream(e.path("quickReplies").spliterator(), false)
                .anyMatch(q -> action.equals(q.path("action").asString("")));
    }

    @Test
    void walksTheSelfCheckToALookupAndHandsOverToAPerson() {
        ChatClient client = new ChatClient(port);
        ChatClient.Session session = client.open();
        List<JsonNode> greeting = client.replay(session, 0);
        assertThat(greeting).isNotEmpty().allMatch(e -> "bot".equals(e.path("sender").asString("")));

        try (ChatClient.Connection chat = client.connect(session.token())) {
            chat.sendText("我的发票在北京系统里查不到");
            chat.await(ChatClient.from("bot").and(offering("step:network:ok")));

            chat.sendAction("step:network:ok");
            chat.await(ChatClient.from("bot"));

            chat.sendText("发票代码1100242130，号码12345678，开票日期2024年12月20日，金额1130元");
            JsonNode mismatch = chat.await(invoiceCard("MISMATCH"));
            assertThat(mismatch.path("card").path("message").asString("")).contains("不含税");

            chat.sendAction("step:invoice:reenter");
            chat.await(ChatClient.from("bot"));
            chat.sendText("1000");
            JsonNode found = chat.await(invoiceCard("FOUND"));
            assertThat(found.path("card").path("status").asString("")).isEqualTo("正常");

            chat.sendText("校验码要填几位");
            JsonNode faq = chat.await(e -> "faq".equals(e.path("card").path("kind").asString("")));
            assertThat(faq.path("card").path("slug").asString("")).isNotEmpty();

            chat.sendText("转人工");
            // The bot's hand-off event: the queue's place notice (type "handoff" too, sender "system") is written
            // after it, but by another thread, and may reach the socket first.
            JsonNode handoff = chat.await(ChatClient.from("bot").and(ChatClient.ofType("handoff")));
            assertThat(handoff.path("card").path("stepsDone").toString()).contains("网络");

            chat.sendText("请问还要等多久");
            chat.await(e -> "user".equals(e.path("sender").asString("")) && e.path("text").asString("").contains("多久"));
        }

        List<JsonNode> all = client.replay(session, 0);
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).path("seq").asLong()).isEqualTo(i + 1);
        }
        JsonNode last = all.get(all.size() - 1);
        assertThat(all.stream().skip(all.indexOf(all.stream().filter(e -> "handoff".equals(e.path("type")
                .asString(""))).findFirst().orElseThrow()) + 1))
                .noneMatch(e -> "bot".equals(e.path("sender").asString("")));
        assertThat(last.path("seq").asLong()).isEqualTo(all.size());
    }

    @Test
    void asksWhichOneIsMeantWhenTwoAnswersAreCloseThenAnswersThePick() {
        ChatClient client = new ChatClient(port);
        try (ChatClient.Connection chat = client.connect(client.open().token())) {
            chat.sendText("通知");
            JsonNode question = chat.await(ChatClient.from("bot").and(e -> StreamSupport
                    .stream(e.path("quickReplies").spliterator(), false)
                    .filter(q -> q.path("action").asString("").startsWith("faq:")).count() >= 2));
            String pick = StreamSupport.stream(question.path("quickReplies").spliterator(), false)
                    .map(q -> q.path("action").asString(""))
                    .filter(action -> action.startsWith("faq:"))
                    .findFirst().orElseThrow();

            chat.sendAction(pick);
            JsonNode answer = chat.await(e -> "faq".equals(e.path("card").path("kind").asString("")));
            assertThat("faq:" + answer.path("card").path("slug").asString("")).isEqualTo(pick);
        }
    }
}
