package cn.invoicehelp.chat;

import cn.invoicehelp.console.StaffClient;
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

    /** The visitor's invoice cannot be found, and the first self-check step (the network) is fine. */
    private static void passTheNetworkStep(ChatClient.Connection chat) {
        chat.sendText("我的发票在北京系统里查不到");
        chat.await(botAsking("网络"));
        chat.sendAction("step:network:ok");
        chat.await(ChatClient.from("bot"));
    }

    /** Once the bot asks for a description: answers its questions (it happened just now) up to the confirmation. */
    private static JsonNode answerTheReportQuestions(ChatClient.Connection chat, String description, String contact) {
        chat.sendText(description);
        chat.await(botAsking("什么时候"));
        chat.sendAction("report:now");
        chat.await(botAsking("手机号码或电子邮箱"));
        chat.sendText(contact);
        return chat.await(botAsking("请确认"));
    }

    /** Confirms the report; the answer is the card of the filed report. */
    private static JsonNode confirmTheReport(ChatClient.Connection chat) {
        chat.sendAction("report:confirm");
        return chat.await(reportCard());
    }

    @Test
    void filesAReportInTheChatThenAnswersItsProgressAndPassesOnStaffNotes() {
        ChatClient client = new ChatClient(port);
        ChatClient.Session session = client.open();
        String number;
        try (ChatClient.Connection chat = client.connect(session.token())) {
            passTheNetworkStep(chat);

            chat.sendText("提交故障报告");
            JsonNode start = chat.await(botAsking("描述"));
            assertThat(start.path("text").asString()).contains("/help/report").contains("自查步骤");
            JsonNode confirm = answerTheReportQuestions(chat, "查验平台一直提示查无此票", "手机 138 0013 8000");
            assertThat(confirm.path("text").asString()).contains("138****8000").contains("检查网络连接")
                    .doesNotContain("13800138000");

            JsonNode filed = confirmTheReport(chat);
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

    /** Staff open the report and find what happened in the conversation, wherever the report was filed. */
    private static JsonNode staffViewOnceAttached(StaffClient staff, String number) {
        long deadline = System.nanoTime() + ChatClient.WAIT.toNanos();
        while (true) {
            var response = staff.get("/api/console/fault-reports/" + number);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode detail = staff.json(response);
            // Transcript and collected fields are attached right after filing, by listeners of FaultReportFiled.
            if (detail.path("transcript").isArray() && detail.path("attachments").isObject()) {
                return detail;
            }
            assertThat(System.nanoTime()).as("attachments of " + number).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }
    }

    @Test
    void aReportFiledOnTheFormForAConversationCarriesItsTranscriptFieldsLookupAndStepsToStaff() {
        ChatClient client = new ChatClient(port);
        ChatClient.Session session = client.open();
        try (ChatClient.Connection chat = client.connect(session.token())) {
            passTheNetworkStep(chat);
            chat.sendText("发票代码1100242130，号码12345678，开票日期2024年12月20日，金额1130元");
            chat.await(e -> "invoice".equals(e.path("card").path("kind").asString("")));
        }

        String occurred = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).minusHours(1).withNano(0)
                .toString();
        var filed = client.post("/api/fault-reports", """
                {"invoiceNumbers":["12345678"],"occurredAt":"%s","description":"聊天里查过了还是不对，表单补报",
                 "phone":"13800138000","conversationId":"%s"}""".formatted(occurred, session.conversationId()));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String number = ChatClient.JSON.readTree(filed.body()).path("trackingNumber").asString();

        JsonNode detail = staffViewOnceAttached(StaffClient.admin(port), number);
        assertThat(detail.path("report").path("conversationId").asString()).isEqualTo(session.conversationId());
        assertThat(detail.path("transcript").toString()).contains("我的发票在北京系统里查不到")
                .contains("发票代码1100242130");
        assertThat(detail.path("transcript").get(0).path("sender").asString()).isNotBlank();
        JsonNode attachments = detail.path("attachments");
        assertThat(attachments.path("stepsDone").toString()).contains("检查网络连接");
        assertThat(attachments.path("invoiceFields").path("number").asString()).isEqualTo("12345678");
        assertThat(attachments.path("invoiceFields").path("code").asString()).isEqualTo("1100242130");
        assertThat(attachments.path("lookupResults")).hasSize(1);
        assertThat(attachments.path("lookupResults").get(0).asString()).matches("[A-Z_]+(：.+)?");
        // The visitor's tracking view never shows any of it.
        var tracked = new StaffClient(port).get("/api/fault-reports/" + number + "?contact=13800138000");
        assertThat(tracked.statusCode()).isEqualTo(200);
        assertThat(tracked.body()).doesNotContain("transcript").doesNotContain("1100242130");
    }

    @Test
    void aReportFiledInTheChatShowsStaffTheTranscriptAndWhatTheBotCollected() {
        ChatClient client = new ChatClient(port);
        ChatClient.Session session = client.open();
        String number;
        try (ChatClient.Connection chat = client.connect(session.token())) {
            passTheNetworkStep(chat);
            chat.sendText("提交故障报告");
            chat.await(botAsking("描述"));
            answerTheReportQuestions(chat, "查验平台一直提示查无此票，聊天里报的", "li.na@example.com");
            number = confirmTheReport(chat).path("card").path("trackingNumber").asString();
        }

        JsonNode detail = staffViewOnceAttached(StaffClient.admin(port), number);
        assertThat(detail.path("report").path("email").asString()).isEqualTo("l***@example.com");
        assertThat(detail.path("transcript").toString()).contains("查验平台一直提示查无此票，聊天里报的");
        assertThat(detail.path("attachments").path("stepsDone").toString()).contains("检查网络连接");
        // What the visitor typed as their contact is masked in the transcript too.
        assertThat(detail.path("transcript").toString()).contains("l***@example.com");
        assertThat(detail.toString()).doesNotContain("li.na@example.com");
    }

    @Test
    void whenNoPersonCanAnswerTheHandOffOffersAReportAndTheChatFilesIt() {
        ChatClient client = new ChatClient(port);
        ChatClient.Session session = client.open();
        try (ChatClient.Connection chat = client.connect(session.token())) {
            chat.sendText("转人工");
            // No agent has a console open in this test: the visitor is told so and offered a report instead.
            JsonNode notice = chat.await(e -> e.path("text").asString("").contains("暂无人工客服在线"));
            assertThat(notice.path("text").asString()).contains("提交故障报告");
            assertThat(notice.path("quickReplies").toString()).contains("\"action\":\"report\"");

            chat.sendAction("report");
            chat.await(botAsking("描述"));
            answerTheReportQuestions(chat, "人工客服不在线，留言说明开票失败", "13900139000");
            assertThat(TrackingNumbers.isValid(confirmTheReport(chat).path("card").path("trackingNumber").asString()))
                    .isTrue();
        }
    }
}
