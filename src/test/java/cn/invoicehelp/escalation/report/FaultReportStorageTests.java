package cn.invoicehelp.escalation.report;

import cn.invoicehelp.escalation.FaultReportForm;
import cn.invoicehelp.escalation.FaultReportProgress;
import cn.invoicehelp.escalation.FaultReportReceipt;
import cn.invoicehelp.escalation.FaultReportStage;
import cn.invoicehelp.support.OnPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Fault reports' storage (dedup window, tracking, staff filters, timeline entries) on H2 and on PostgreSQL. */
class FaultReportStorageTests {

    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @AutoConfigureRestTestClient
    abstract static class OnEachDatabase {

        @Autowired
        FaultReportService reports;

        @Autowired
        FaultReportDesk desk;

        @Autowired
        Clock clock;

        @Test
        void aReportIsStoredOnceTrackedFilteredAndMovedAlongItsTimeline() {
            String phone = "139" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
            FaultReportForm form = new FaultReportForm(List.of("12345678"), "E_NORMAL",
                    OffsetDateTime.now(clock).minusHours(1).toString(), "查验平台一直提示查无此票,已经等了两天。", phone, null,
                    null, new FaultReportForm.Attachments(List.of("检查网络连接"), null, null));

            FaultReportReceipt receipt = reports.file(form);
            assertThat(reports.file(form).trackingNumber()).isEqualTo(receipt.trackingNumber()); // same report twice

            FaultReportProgress progress = reports.track(receipt.trackingNumber(), phone).orElseThrow();
            assertThat(progress.stage()).isEqualTo(FaultReportStage.CONFIRMING);
            assertThat(reports.track(receipt.trackingNumber(), "13000000000")).isEmpty();

            Instant created = progress.createdAt();
            var around = new FaultReportDesk.Filter(FaultReportStage.CONFIRMING, false, created.minusSeconds(1),
                    created.plusSeconds(1));
            assertThat(desk.list(around, 0, 100).content()).extracting(FaultReportDesk.Summary::trackingNumber)
                    .contains(receipt.trackingNumber());
            var overdue = new FaultReportDesk.Filter(null, true, created.minusSeconds(1), created.plusSeconds(1));
            assertThat(desk.list(overdue, 0, 100).content()).extracting(FaultReportDesk.Summary::trackingNumber)
                    .doesNotContain(receipt.trackingNumber());

            desk.change(receipt.trackingNumber(), FaultReportStage.REPAIRING, "已定位原因,正在修复。", "内部备注",
                    "storage-admin", true);
            FaultReportDesk.Detail detail = desk.detail(receipt.trackingNumber()).orElseThrow();
            assertThat(detail.report().stage()).isEqualTo(FaultReportStage.REPAIRING);
            assertThat(detail.history()).extracting(FaultReportDesk.HistoryLine::text)
                    .contains("已定位原因,正在修复。", "内部备注");
            assertThat(reports.track(receipt.trackingNumber(), phone).orElseThrow().updates())
                    .extracting(FaultReportProgress.Update::text).contains("已定位原因,正在修复。")
                    .doesNotContain("内部备注");
        }
    }

    @Nested
    class OnH2 extends OnEachDatabase {
    }

    @Nested
    @OnPostgres
    class OnPostgresql extends OnEachDatabase {
    }
}
