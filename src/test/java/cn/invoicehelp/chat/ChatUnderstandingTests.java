package cn.invoicehelp.chat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.function.Predicate;

import static cn.invoicehelp.chat.ChatClient.invoiceCard;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the real assistant reads what people really type, over a real socket (same context as the walkthrough):
 * invoice data however it is separated, corrections, follow-up questions about the last result, mixed English,
 * passage answers and questions this service does not handle. Each test uses its own sample invoice, so the daily
 * lookup limit of one invoice is never reached.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ChatUnderstandingTests {

    @LocalServerPort
    int port;

    private static Predicate<JsonNode> botSays(String words) {
        return ChatClient.from("bot").and(e -> e.path("text").asString("").contains(words));
    }

    private static Predicate<JsonNode> faqCard() {
        return e -> "faq".equals(e.path("card").path("kind").asString(""));
    }

    private ChatClient.Connection open() {
        ChatClient client = new ChatClient(port);
        return client.connect(client.open().token());
    }

    @Test
    void readsAnInvoiceTypedWithSpacesTwoDigitYearAndHao() {
        try (ChatClient.Connection chat = open()) {
            chat.sendText("代码1100232530 号码34567890 23年6月30号 金额8800");
            JsonNode found = chat.await(invoiceCard("FOUND"));
            assertThat(found.path("card").path("status").asString("")).isEqualTo("作废");
        }
    }

    @Test
    void readsBareFieldsOnSeparateLinesInThePrintedOrder() {
        try (ChatClient.Connection chat = open()) {
            chat.sendText("011002400111\n23456789\n2024-08-15\n821713");
            chat.await(invoiceCard("FOUND"));
        }
    }

    @Test
    void aCorrectedAmountAfterAMismatchIsLookedUpAgainAndTheAmountQuestionIsAnsweredInContext() {
        try (ChatClient.Connection chat = open()) {
            chat.sendText("1100242130\t12345678\t2024-12-20\t1130");
            chat.await(invoiceCard("MISMATCH"));

            chat.sendText("那金额应该填多少");
            JsonNode answer = chat.await(ChatClient.from("bot").and(e -> !e.path("text").asString("").isEmpty()));
            assertThat(answer.path("text").asString("")).contains("不含税");

            chat.sendText("哦，那应该是1000");
            JsonNode found = chat.await(invoiceCard("FOUND"));
            assertThat(found.path("card").path("status").asString("")).isEqualTo("正常");
        }
    }

    @Test
    void aQuestionAboutAVoidedResultIsAnsweredAboutVoidedInvoices() {
        try (ChatClient.Connection chat = open()) {
            chat.sendText("发票代码 011002300311，号码 45678901，开票日期 2023-09-12，校验码 445555");
            chat.await(invoiceCard("FOUND"));

            chat.sendText("这种情况怎么办，还能报销吗");
            JsonNode answer = chat.await(faqCard());
            assertThat(answer.path("card").path("slug").asString(""))
                    .isIn("reimbursement-with-voided", "voided-or-reversed");
        }
    }

    @Test
    void mixedEnglishWordingStartsTheSameHelp() {
        try (ChatClient.Connection chat = open()) {
            chat.sendText("I want to verify a fapiao");
            chat.await(botSays("发票代码"));
        }
        try (ChatClient.Connection chat = open()) {
            chat.sendText("my invoice not found");
            JsonNode reply = chat.await(ChatClient.from("bot").and(e -> !e.path("text").asString("").isEmpty()));
            assertThat(reply.path("text").asString("")).doesNotContain("暂时帮不上忙");
        }
    }

    @Test
    void aLongComplaintGetsHelpNotAShrug() {
        try (ChatClient.Connection chat = open()) {
            chat.sendText("你好，我们公司上周收到供应商开的一张专票，在你们系统里查了好几次都显示查无此票，"
                    + "财务那边催着入账，这到底是怎么回事，我该怎么办");
            JsonNode reply = chat.await(ChatClient.from("bot").and(e -> !e.path("text").asString("").isEmpty()));
            assertThat(reply.path("text").asString("")).doesNotContain("暂时帮不上忙");
        }
    }

    @Test
    void theHotlineQuestionIsAnsweredWithTheNumberItself() {
        try (ChatClient.Connection chat = open()) {
            chat.sendText("你们客服电话是多少");
            JsonNode answer = chat.await(faqCard());
            assertThat(answer.path("text").asString("")).contains("12366");
            assertThat(answer.path("card").path("slug").asString("")).isEqualTo("support-hotline");
        }
    }

    @Test
    void anInvoiceQuestionThisServiceDoesNotHandleNamesWhereToGo() {
        try (ChatClient.Connection chat = open()) {
            chat.sendText("开票额度不够用了，怎么申请提高");
            JsonNode answer = chat.await(botSays("不在本服务范围"));
            assertThat(answer.path("text").asString("")).contains("电子税务局").contains("主管税务机关");
        }
    }
}
