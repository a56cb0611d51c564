package cn.invoicehelp.escalation.report;

import cn.invoicehelp.escalation.FaultReportForm;
import cn.invoicehelp.escalation.FaultReporting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat (transcript) and the assistant (collected fields) attach to a new report at the same moment, each from a
 * listener running in its own transaction: both attachments arrive, whichever commits first.
 */
class ReportAttachmentsRaceTests extends FaultReportContext {

    @Autowired
    FaultReportService reports;
    @Autowired
    FaultReportDesk desk;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JsonMapper json;

    @Test
    void transcriptAndCollectedFieldsAttachedAtOnceBothArrive() throws Exception {
        ExecutorService listeners = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 10; i++) {
                UUID conversation = UUID.randomUUID();
                // A new conversation makes each report new (it is part of the duplicate key). Not in the description:
                // a random UUID holds a card-shaped, Luhn-valid "dddd-dddd-dddd-dddd" about once in 3,000, and the
                // report is then rightly refused as containing a bank card number.
                String number = reports.file(new FaultReportForm(List.of("12345678"), null,
                        "2025-03-10T09:00:00+08:00", "并发附加测试：查验平台提示查无此票", "13800138000", null, conversation,
                        null)).trackingNumber();
                CyclicBarrier together = new CyclicBarrier(2);
                Future<?> chat = listeners.submit(() -> inListenerTransaction(together, () -> reports.attachTranscript(
                        number, conversation, List.of(new FaultReporting.TranscriptLine("user", "查不到，电话 13900001111",
                                Instant.parse("2025-03-10T01:00:00Z"))))));
                Future<?> assistant = listeners.submit(() -> inListenerTransaction(together, () -> reports
                        .attachCollected(number, conversation, new FaultReportForm.Attachments(List.of("检查网络连接"),
                                Map.of("number", "12345678"), List.of("NOT_FOUND")))));
                chat.get(1, TimeUnit.MINUTES);
                assistant.get(1, TimeUnit.MINUTES);

                JsonNode detail = json.valueToTree(desk.detail(number).orElseThrow());
                assertThat(detail.path("transcript").toString()).contains("139****1111").doesNotContain("13900001111");
                assertThat(detail.path("attachments").path("stepsDone").toString()).contains("检查网络连接");
            }
        } finally {
            listeners.shutdownNow();
        }
    }

    /** As an {@code @ApplicationModuleListener} runs: in a transaction of its own. */
    private Void inListenerTransaction(CyclicBarrier together, Runnable work) throws Exception {
        together.await(1, TimeUnit.MINUTES);
        TransactionTemplate own = new TransactionTemplate(tx.getTransactionManager());
        own.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        own.executeWithoutResult(status -> work.run());
        return null;
    }
}
