package cn.invoicehelp.chat;

import cn.invoicehelp.escalation.FaultReportStage;
import cn.invoicehelp.escalation.FaultReportStageChanged;
import cn.invoicehelp.escalation.TrackingNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over a real socket with the real assistant: a visitor half-way through the self-check files a fault report, gets
 * its tracking number on a report card, asks for its progress, and later sees the staff's public note arrive.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ChatFaultReportTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate tx;

    private static Predicate<JsonNode> reportCard() {
        return e -> "report".equals(e.path("card").path("kind").asString(""));
    }

    private static Predicate<JsonNode> botAsking(String words) {
        return e -> "bot".equals(e.path("sender").asString("")) && e.path("text").asString("").contains(words);
    }

    @Test
    void filesAReportInTheChatThenAnswersItsProgressAndPassesOnStaffNotes() {
        ChatClient client = new ChatClient(port);
        ChatClient.Session session = client.open();
        String number;
        try (ChatClient.Connection chat = client.connect(session.token())) {
            chat.sendText("我的发票在北京系统里查不到");
            chat.await(botAsking("网络"));
            chat.sendAction("step:network:ok");
            chat.await(ChatClient.from("bot"));

            chat.sendText("提交故障报告");
            JsonNode start = chat.await(botAsking("描述"));
            assertThat(start.path("text").asString()).contains("/help/report").contains("自查步骤");
            chat.sendText("查验平台一直提示查无此票");
            chat.await(botAsking("什么时候"));
            chat.sendAction("report:now");
            chat.await(botAsking("手机号码或电子邮箱"));
            chat.sendText("手机 138 0013 8000");
            JsonNode confirm = chat.await(botAsking("请确认"));
            assertThat(confirm.path("text").asString()).contains("138****8000").contains("检查网络连接")
                    .doesNotContain("13800138000");
            chat.sendAction("report:confirm");

            JsonNode filed = chat.await(reportCard());
            JsonNode card = filed.path("card");
            number = card.path("trackingNumber").asString();
            assertThat(TrackingNumbers.isValid(number)).isTrue();
            assertThat(card.path("stage").asString()).isEqualTo("CONFIRMING");
            assertThat(card.path("stageLabel").asString()).isEqualTo("确认原因");
            assertThat(Instant.parse(card.path("dueAt").asString())).isAfter(Instant.now().plusSeconds(7000));
            assertThat(filed.path("text").asString()).contains(number);

            chat.sendText("我的报障进度 " + number);
            chat.await(botAsking("手机号码或电子邮箱"));
            chat.sendText("13800138000");
            JsonNode progress = chat.await(reportCard());
            assertThat(progress.path("text").asString()).contains(number).contains("确认原因");
            assertThat(progress.path("card").path("trackingNumber").asString()).isEqualTo(number);

            chat.sendText("我的报障进度 " + number + " 13900139000");
            assertThat(chat.await(botAsking("没有找到")).path("card").isMissingNode()).isTrue();

            // Staff move the report on with a public note: the conversation hears about it.
            tx.executeWithoutResult(status -> publisher.publishEvent(new FaultReportStageChanged(number,
                    UUID.fromString(session.conversationId()), FaultReportStage.CONFIRMING, FaultReportStage.REPAIRING,
                    Instant.now().plusSeconds(8 * 3600), "已定位原因，正在修复", Instant.now())));
            JsonNode update = chat.await(e -> "report".equals(e.path("type").asString(""))
                    && "system".equals(e.path("sender").asString("")));
            assertThat(update.path("text").asString()).contains(number).contains("实施修复").contains("已定位原因，正在修复");
            assertThat(update.path("card").path("stage").asString()).isEqualTo("REPAIRING");
        }
        assertThat(client.replay(session, 0)).anyMatch(e -> "report".equals(e.path("type").asString(""))
                && number.equals(e.path("card").path("trackingNumber").asString("")));
    }
}
