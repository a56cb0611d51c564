package cn.invoicehelp.notification;

import cn.invoicehelp.announcement.AnnouncementFixtures;
import cn.invoicehelp.announcement.IncidentDesk;
import cn.invoicehelp.support.ClockedAppTest;
import cn.invoicehelp.support.TestClock;
import cn.invoicehelp.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ClockedAppTest
@ExtendWith(OutputCaptureExtension.class)
class NotificationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    TestSmtp smtp;
    @Autowired
    IncidentDesk incidents;
    @Autowired
    DeliveryDispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    AnnouncementFixtures announcements;

    @BeforeEach
    void freshMailbox() {
        smtp.start();
        smtp.clear();
    }

    @AfterEach
    void quietBoard() {
        smtp.start();
        announcements.endAll();
    }

    @Test
    void incidentStageChangeReachesEmailSubscribersThroughSmtp(CapturedOutput output) throws Exception {
        long incident = openIncident("开票服务中断");
        subscribe("""
                {"targetType":"INCIDENT","targetId":"%d","email":"zhang.wei@example.com","consent":true,"source":"chat"}"""
                .formatted(incident))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value("z***@example.com"))
                .andExpect(jsonPath("$.unsubscribeUrl").value(containsString("/notifications/unsubscribe?token=")))
                .andExpect(content().string(not(containsString("zhang.wei"))));

        advance(incident, "REPAIRING", "原因已确认，正在修复。");

        MimeMessage[] mails = smtp.received();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("zhang.wei@example.com");
        assertThat(mails[0].getSubject()).contains("故障进展").contains("开票服务中断").contains("修复中");
        String body = (String) mails[0].getContent();
        assertThat(body).contains("原因已确认，正在修复。").contains("/notifications/unsubscribe?token=");
        assertThat(output.getAll()).doesNotContain("zhang.wei@example.com");
    }

    @Test
    void mailArrivesAfterTheSmtpServerComesBack(CapturedOutput output) throws Exception {
        long incident = openIncident("查询服务中断");
        subscribe("""
                {"targetType":"INCIDENT","targetId":"%d","email":"li.na@example.com","consent":true}""".formatted(incident))
                .andExpect(status().isCreated());

        smtp.stop();
        advance(incident, "REPAIRING", "正在修复数据库。");

        // Kept in the outbox, visible to admins with the address masked and the error kept.
        mvc.perform(get("/api/console/notifications/deliveries").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.to=='l***@example.com')].status").value("PENDING"))
                .andExpect(jsonPath("$[?(@.to=='l***@example.com')].attempts").value(1))
                .andExpect(jsonPath("$[?(@.to=='l***@example.com')].lastError").exists())
                .andExpect(content().string(not(containsString("li.na@"))));
        mvc.perform(get("/api/console/notifications/deliveries").with(user("agent").roles("AGENT")))
                .andExpect(status().isForbidden());

        smtp.start();
        dispatcher.dispatchDue();
        assertThat(smtp.received()).as("not retried before its backoff is over").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        assertThat(smtp.received()).hasSize(1);
        assertThat(smtp.received()[0].getSubject()).contains("修复中");
        mvc.perform(get("/api/console/notifications/deliveries?status=SENT").with(user("admin").roles("ADMIN")))
                .andExpect(jsonPath("$[?(@.to=='l***@example.com')].attempts").value(2));
        assertThat(output.getAll()).doesNotContain("li.na@example.com");
    }

    @Test
    void subscribingTwiceIsOneSubscriptionAndOneMail() throws Exception {
        long incident = openIncident("接口异常");
        String body = """
                {"targetType":"INCIDENT","targetId":"%d","email":"wang@example.com","consent":true}""".formatted(incident);
        String first = subscribe(body).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String second = subscribe(body).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(second).get("id")).isEqualTo(json.readTree(first).get("id"));

        advance(incident, "REPAIRING", null);
        assertThat(smtp.received()).hasSize(1);
    }

    @Test
    void smsGoesThroughTheStandInWithTheNumberMasked(CapturedOutput output) throws Exception {
        long incident = openIncident("登录异常");
        subscribe("""
                {"targetType":"INCIDENT","targetId":"%d","phone":"+86 138-0013-1234","consent":true}""".formatted(incident))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.phone").value("138****1234"));
        advance(incident, "REPAIRING", "正在修复登录服务。");

        List<Map<String, Object>> sms = jdbc.queryForList(
                "SELECT phone_masked, text FROM sms_standin_message WHERE text LIKE ?", "%登录异常%");
        assertThat(sms).hasSize(1);
        assertThat(sms.get(0).get("phone_masked")).isEqualTo("138****1234");
        assertThat(output.getAll()).doesNotContain("13800131234").contains("138****1234");
    }

    @Test
    void unsubscribeLinkStopsMessagesAndErasesTheContact() throws Exception {
        long incident = openIncident("财务导出失败");
        JsonNode sub = json.readTree(subscribe("""
                {"targetType":"INCIDENT","targetId":"%d","email":"chen@example.com","consent":true}""".formatted(incident))
                .andReturn().getResponse().getContentAsString());
        String token = sub.get("unsubscribeToken").asString();

        mvc.perform(get("/notifications/unsubscribe").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("c***@example.com")))
                .andExpect(content().string(containsString("确认退订")));
        mvc.perform(post("/notifications/unsubscribe").param("token", token).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已退订")));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_subscription WHERE email = 'chen@example.com'",
                Integer.class)).isZero();
        advance(incident, "REPAIRING", null);
        assertThat(smtp.received()).isEmpty();
        mvc.perform(get("/notifications/unsubscribe").param("token", "nonsense")).andExpect(status().isNotFound());
    }

    @Test
    void contactsAreErasedOnceTheIncidentIsClosedAndTheLastMailSent() throws Exception {
        long incident = openIncident("短时中断");
        subscribe("""
                {"targetType":"INCIDENT","targetId":"%d","email":"zhao@example.com","phone":"13900001111","consent":true}"""
                .formatted(incident)).andExpect(status().isCreated());
        advance(incident, "REPAIRING", null);
        advance(incident, "TESTING", null);
        advance(incident, "NOTIFYING", "系统已恢复。");
        advance(incident, "CLOSED", null);
        assertThat(smtp.received()).hasSize(4);
        assertThat(smtp.received()[2].getSubject()).contains("恢复通知");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_subscription WHERE email = 'zhao@example.com'"
                + " OR phone = '13900001111'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_subscription WHERE email_masked = 'z***@example.com'"
                + " AND status = 'ENDED'", Integer.class)).isEqualTo(1);
    }

    @Test
    void maintenanceSubscribersHearWhenItIsOver() throws Exception {
        long id = announcements.publishMaintenance("夜间维护", "暂停开票", Duration.ofHours(2));
        subscribe("""
                {"targetType":"ANNOUNCEMENT","targetId":"%d","email":"sun@example.com","consent":true}""".formatted(id))
                .andExpect(status().isCreated());
        clock.advance(Duration.ofHours(2));
        announcements.board().pushDue();
        settled();
        assertThat(smtp.received()).hasSize(1);
        assertThat(smtp.received()[0].getSubject()).contains("维护已结束");
        subscribe("""
                {"targetType":"ANNOUNCEMENT","targetId":"%d","email":"sun@example.com","consent":true}""".formatted(id))
                .andExpect(status().isBadRequest());
    }

    @Test
    void badContactsAndMissingConsentAreRefusedInChinese() throws Exception {
        long incident = openIncident("测试故障");
        subscribe("""
                {"targetType":"INCIDENT","targetId":"%d","phone":"12345","email":"not-an-email","consent":false}"""
                .formatted(incident))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='phone')].message").value(org.hamcrest.Matchers.hasItem(
                        containsString("手机号格式不对"))))
                .andExpect(jsonPath("$.errors[?(@.field=='email')].message").value(org.hamcrest.Matchers.hasItem(
                        containsString("邮箱格式不对"))))
                .andExpect(jsonPath("$.errors[?(@.field=='consent')]").exists());
        subscribe("""
                {"targetType":"INCIDENT","targetId":"999999","email":"a@example.com","consent":true}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("targetId"));
        subscribe("""
                {"targetType":"REPORT","targetId":"BJ-1","email":"a@example.com","consent":true}""")
                .andExpect(status().isBadRequest());
        subscribe("{oops").andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").exists());
        subscribe("""
                {"targetType":"REPORT","targetId":"bj2503100k7qm2x1s","email":"a@example.com","consent":true}""")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.targetId").value("BJ2503100K7QM2X1S"));
    }

    private long openIncident(String title) {
        return incidents.open(new IncidentDesk.OpenForm(title, "部分企业受影响。", "CRITICAL", List.of("ISSUE_INVOICE"),
                null), "test").id();
    }

    private void advance(long incident, String stage, String message) throws Exception {
        mvc.perform(post("/api/console/incidents/" + incident + "/stage").with(user("agent").roles("AGENT"))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(message == null ? Map.of("stage", stage)
                                : Map.of("stage", stage, "message", message))))
                .andExpect(status().isOk());
        settled();
    }

    /**
     * Module listeners run asynchronously after the commit: waits until every event was handled and every queued
     * message had its first attempt (sent, or waiting for a retry).
     */
    private void settled() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL", Integer.class) == 0
                        && jdbc.queryForObject("SELECT COUNT(*) FROM notification_delivery WHERE status = 'PENDING'"
                        + " AND attempts = 0", Integer.class) == 0);
    }

    private ResultActions subscribe(String body) throws Exception {
        return mvc.perform(post("/api/notifications/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }
}
