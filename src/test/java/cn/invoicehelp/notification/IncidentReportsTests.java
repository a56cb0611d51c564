package cn.invoicehelp.notification;

import cn.invoicehelp.announcement.AnnouncementFixtures;
import cn.invoicehelp.announcement.IncidentDesk;
import cn.invoicehelp.escalation.FaultReportForm;
import cn.invoicehelp.escalation.FaultReportStage;
import cn.invoicehelp.escalation.FaultReporting;
import cn.invoicehelp.support.ClockedAppTest;
import cn.invoicehelp.support.TestSmtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Fault reports linked to an incident move with it, and their subscribers hear each move. */
@ClockedAppTest
class IncidentReportsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    FaultReporting reports;
    @Autowired
    IncidentDesk incidents;
    @Autowired
    TestSmtp smtp;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AnnouncementFixtures announcements;

    @BeforeEach
    void freshMailbox() {
        smtp.start();
        smtp.clear();
    }

    @AfterEach
    void quietBoard() {
        announcements.endAll();
    }

    @Test
    void linkedReportsFollowTheIncidentAndTheirSubscribersAreTold() throws Exception {
        String tn = reports.file(new FaultReportForm(List.of("12345678"), "NORMAL", "2025-03-10T09:00:00+08:00",
                "开票时系统一直报错，无法开具发票。", "13911112222", null, null, null)).trackingNumber();
        mvc.perform(post("/api/notifications/subscriptions").contentType(MediaType.APPLICATION_JSON).content("""
                {"targetType":"REPORT","targetId":"%s","email":"report.owner@example.com","consent":true,
                 "source":"tracking-page"}""".formatted(tn))).andExpect(status().isCreated());

        long incident = incidents.open(new IncidentDesk.OpenForm("开票服务中断", "部分企业无法开票。", "CRITICAL",
                List.of("ISSUE_INVOICE"), null), "test").id();
        incidents.advance(incident, new IncidentDesk.StageForm("REPAIRING", "数据库主节点故障，正在切换。"), "test");
        incidents.link(incident, tn);
        settled();
        assertThat(reports.track(tn, "13911112222").orElseThrow().stage()).isEqualTo(FaultReportStage.REPAIRING);

        incidents.advance(incident, new IncidentDesk.StageForm("TESTING", "修复完成，正在测试。"), "test");
        settled();
        assertThat(reports.track(tn, "13911112222").orElseThrow().stage()).isEqualTo(FaultReportStage.TESTING);
        assertThat(Arrays.stream(smtp.received()).map(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).anyMatch(s -> s.contains(tn) && s.contains(FaultReportStage.REPAIRING.label()))
                .anyMatch(s -> s.contains(tn) && s.contains(FaultReportStage.TESTING.label()));
    }

    private void settled() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL", Integer.class) == 0
                        && jdbc.queryForObject("SELECT COUNT(*) FROM notification_delivery WHERE status = 'PENDING'"
                        + " AND attempts = 0", Integer.class) == 0);
    }
}
