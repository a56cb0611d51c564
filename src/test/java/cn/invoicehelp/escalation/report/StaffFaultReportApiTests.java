package cn.invoicehelp.escalation.report;

import cn.invoicehelp.escalation.FaultReportForm;
import cn.invoicehelp.escalation.FaultReportStage;
import cn.invoicehelp.escalation.FaultReportStageChanged;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Staff work reports through the stages: deadlines and overdue with a fixed clock, notes, who may reopen. */
@RecordApplicationEvents
class StaffFaultReportApiTests extends FaultReportContext {

    @Autowired
    FaultReportService reports;

    @Autowired
    ApplicationEvents events;

    String file(String description, String phone, String email) {
        return reports.file(new FaultReportForm(List.of("12345678"), "NORMAL", "2025-03-10T09:00:00+08:00",
                description, phone, email, UUID.randomUUID(), new FaultReportForm.Attachments(
                List.of("检查网络连接", "核对发票号码和日期"), Map.of("number", "12345678"), List.of("NOT_FOUND"))))
                .trackingNumber();
    }

    ResultActions move(String number, String body) throws Exception {
        return mvc.perform(post("/api/console/fault-reports/{n}/stage", number).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void withoutSignInTheStaffApiIsClosed() throws Exception {
        mvc.perform(get("/api/console/fault-reports")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value(containsString("登录")));
        mvc.perform(post("/api/console/fault-reports/BJ2503100K7QM2X1W/stage").with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"stage\":\"REPAIRING\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    @WithMockUser(roles = "AGENT")
    void changesNeedTheCsrfToken() throws Exception {
        String number = file("没有 CSRF 的请求被拒绝", "13800138000", null);
        mvc.perform(post("/api/console/fault-reports/{n}/stage", number).contentType(MediaType.APPLICATION_JSON)
                .content("{\"stage\":\"REPAIRING\"}")).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(roles = "AGENT")
    void staffListsShowContactsMaskedAndFilterByStageOverdueAndDate() throws Exception {
        String late = file("列表测试：超时的报告", "13812341234", "zhang@example.com");
        CLOCK.advance(Duration.ofHours(1));
        String fresh = file("列表测试：新报告", null, "li@example.com");
        move(fresh, "{\"stage\":\"REPAIRING\"}").andExpect(status().isOk());
        CLOCK.advance(Duration.ofMinutes(90)); // the first report's 2 h are over, the second is repairing (8 h)

        mvc.perform(get("/api/console/fault-reports").param("overdue", "true").param("size", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].trackingNumber").value(hasItem(late)))
                .andExpect(jsonPath("$.content[*].trackingNumber").value(not(hasItem(fresh))))
                .andExpect(jsonPath("$.content[*].overdue").value(everyItem(org.hamcrest.Matchers.is(true))))
                .andExpect(jsonPath("$.content[?(@.trackingNumber == '" + late + "')].phone").value("138****1234"))
                .andExpect(jsonPath("$.content[?(@.trackingNumber == '" + late + "')].email").value("z***@example.com"));
        mvc.perform(get("/api/console/fault-reports").param("stage", "REPAIRING").param("size", "100"))
                .andExpect(jsonPath("$.content[*].trackingNumber").value(hasItem(fresh)))
                .andExpect(jsonPath("$.content[*].stage").value(everyItem(org.hamcrest.Matchers.is("REPAIRING"))));
        mvc.perform(get("/api/console/fault-reports").param("from", "2025-03-10T02:30:00Z").param("to", "2025-03-10")
                        .param("size", "100"))
                .andExpect(jsonPath("$.content[*].trackingNumber").value(hasItem(fresh)))
                .andExpect(jsonPath("$.content[*].trackingNumber").value(not(hasItem(late))));
        mvc.perform(get("/api/console/fault-reports").param("size", "1"))
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.totalElements").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
        mvc.perform(get("/api/console/fault-reports").param("stage", "DONE").param("overdue", "maybe")
                        .param("size", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("stage")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("overdue")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("size")));
    }

    @Test
    @WithMockUser(username = "agent1", roles = "AGENT")
    void theDetailHasEverythingAttachedButTheContactStaysMasked() throws Exception {
        String number = file("详情测试：查验平台提示查无此票", "13812341234", null);
        move(number, "{\"stage\":\"CONFIRMING\",\"internalNote\":\"已联系开票方\"}").andExpect(status().isOk());
        mvc.perform(get("/api/console/fault-reports/{n}", number)).andExpect(status().isOk())
                .andExpect(jsonPath("$.report.description").value("详情测试：查验平台提示查无此票"))
                .andExpect(jsonPath("$.report.phone").value("138****1234"))
                .andExpect(jsonPath("$.report.invoiceNumbers[0]").value("12345678"))
                .andExpect(jsonPath("$.attachments.stepsDone[1]").value("核对发票号码和日期"))
                .andExpect(jsonPath("$.attachments.lookupResults[0]").value("NOT_FOUND"))
                .andExpect(jsonPath("$.history[*].text").value(hasItem("已联系开票方")))
                .andExpect(jsonPath("$.history[1].author").value("agent1"))
                .andExpect(jsonPath("$.stages[0].dueAt").value("2025-03-10T04:00:00Z"));
        mvc.perform(get("/api/console/fault-reports/{n}", "BJ2503100K7QM2X1W")).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/api/console/fault-reports/{n}", number)).andReturn().getResponse()
                .getContentAsString()).doesNotContain("13812341234");
    }

    @Test
    @WithMockUser(roles = "AGENT")
    void stagesMoveForwardOneStepWithNewDueTimesAndPublicNotesReachTheVisitor() throws Exception {
        String number = file("阶段测试：查验平台提示查无此票", "13800138000", null);
        CLOCK.advance(Duration.ofHours(1));
        move(number, "{\"stage\":\"REPAIRING\",\"publicNote\":\"已定位原因，正在修复\",\"internalNote\":\"数据同步任务失败\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.report.stage").value("REPAIRING"))
                .andExpect(jsonPath("$.report.dueAt").value("2025-03-10T11:00:00Z"))
                .andExpect(jsonPath("$.stages[0].doneAt").value("2025-03-10T03:00:00Z"));

        move(number, "{\"stage\":\"NOTIFYING\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value(containsString("不能跳过")));
        move(number, "{\"stage\":\"CONFIRMING\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value(containsString("管理员")));
        move(number, "{\"stage\":\"LATER\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("stage"));
        move(number, "{\"stage\":\"REPAIRING\"}").andExpect(status().isConflict());

        CLOCK.advance(Duration.ofHours(9)); // 8 h of repair are over
        mvc.perform(get("/api/fault-reports/{n}", number).param("contact", "13800138000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("REPAIRING"))
                .andExpect(jsonPath("$.overdue").value(true))
                .andExpect(jsonPath("$.statusText").value("处理中，已超出预计时间"))
                .andExpect(jsonPath("$.updates[0].text").value("已定位原因，正在修复"))
                .andExpect(jsonPath("$.updates[0].at").value("2025-03-10T03:00:00Z"))
                .andExpect(jsonPath("$.updates.length()").value(1));
        assertThat(mvc.perform(get("/api/fault-reports/{n}", number).param("contact", "13800138000")).andReturn()
                .getResponse().getContentAsString()).doesNotContain("数据同步任务失败");

        List<FaultReportStageChanged> changes = events.stream(FaultReportStageChanged.class)
                .filter(e -> e.trackingNumber().equals(number)).toList();
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).from()).isEqualTo(FaultReportStage.CONFIRMING);
        assertThat(changes.get(0).to()).isEqualTo(FaultReportStage.REPAIRING);
        assertThat(changes.get(0).publicNote()).isEqualTo("已定位原因，正在修复");
        assertThat(changes.get(0).conversationId()).isNotNull();
    }

    @Test
    @WithMockUser(username = "lead", roles = "ADMIN")
    void anAdminMayReopenAReport() throws Exception {
        String number = file("重开测试：查验平台提示查无此票", "13800138000", null);
        for (String stage : List.of("REPAIRING", "TESTING", "NOTIFYING", "CLOSED")) {
            move(number, "{\"stage\":\"" + stage + "\"}").andExpect(status().isOk());
        }
        move(number, "{\"stage\":\"CLOSED\",\"publicNote\":\"已恢复\"}").andExpect(status().isOk());
        move(number, "{\"stage\":\"REPAIRING\",\"publicNote\":\"问题复现，重新修复\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.report.stage").value("REPAIRING"))
                .andExpect(jsonPath("$.stages[4].startedAt").doesNotExist());
    }
}
