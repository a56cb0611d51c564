package cn.invoicehelp.announcement;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class IncidentTests extends AnnouncementDeskTest {

    @Test
    void incidentMovesItsReportsThroughTheTimelineWithPublicUpdates() throws Exception {
        long id = open("开票服务中断");
        mvc.perform(get("/api/announcements/active"))
                .andExpect(jsonPath("$[0].kind").value("INCIDENT"))
                .andExpect(jsonPath("$[0].incidentId").value(id))
                .andExpect(jsonPath("$[0].incidentStage").value("CONFIRMING"))
                .andExpect(jsonPath("$[0].title").value("故障通报：开票服务中断"))
                // CONFIRMING 2 h + REPAIRING 8 h + TESTING 12 h from now
                .andExpect(jsonPath("$[0].expectedEnd").value(clock.instant().plus(Duration.ofHours(22)).toString()));

        mvc.perform(staff(post("/api/console/incidents/" + id + "/reports")).content("""
                {"trackingNumber":"bj2501310k7qm2xpe"}""")).andExpect(status().isOk())
                .andExpect(jsonPath("$.trackingNumbers[0]").value("BJ2501310K7QM2XPE"));
        mvc.perform(staff(post("/api/console/incidents/" + id + "/reports")).content("""
                {"trackingNumber":"BJ2501310K7QM2XPE"}""")).andExpect(status().isOk());
        mvc.perform(staff(post("/api/console/incidents/" + id + "/reports")).content("""
                {"trackingNumber":"BJ250131HV4RD8TNE"}""")).andExpect(status().isOk());
        assertThat(events.ofType(IncidentReportLinked.class)).hasSize(2);

        clock.advance(Duration.ofHours(1));
        mvc.perform(staff(post("/api/console/incidents/" + id + "/stage")).content("""
                {"stage":"REPAIRING","message":"原因已确认：数据库主节点故障，正在切换。"}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("REPAIRING"));
        IncidentStageChanged changed = events.ofType(IncidentStageChanged.class).get(1);
        assertThat(changed.from()).isEqualTo(IncidentStage.CONFIRMING);
        assertThat(changed.to()).isEqualTo(IncidentStage.REPAIRING);
        assertThat(changed.trackingNumbers()).containsExactly("BJ2501310K7QM2XPE", "BJ250131HV4RD8TNE");
        mvc.perform(get("/api/announcements/active"))
                .andExpect(jsonPath("$[0].incidentStage").value("REPAIRING"))
                .andExpect(jsonPath("$[0].body").value(containsString("数据库主节点故障")));
        assertThat(events.ofType(AnnouncementPublished.class)).last()
                .satisfies(p -> assertThat(p.announcement().incidentStage()).isEqualTo(IncidentStage.REPAIRING));

        // the public timeline shows the updates but not which reports are linked
        mvc.perform(get("/api/announcements/incidents/" + id))
                .andExpect(jsonPath("$.updates.length()").value(2))
                .andExpect(jsonPath("$.updates[1].stageLabel").value("修复中"))
                .andExpect(jsonPath("$.trackingNumbers").doesNotExist());
    }

    @Test
    void recoveryNoticeReplacesTheBulletinWhenServiceIsBack() throws Exception {
        long id = open("查询服务缓慢");
        advance(id, "REPAIRING");
        advance(id, "TESTING");
        advance(id, "NOTIFYING");
        mvc.perform(get("/api/announcements/active"))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].kind").value("RECOVERY"))
                .andExpect(jsonPath("$[0].title").value("恢复通知：查询服务缓慢"));
        advance(id, "CLOSED");
        mvc.perform(staff(get("/api/console/incidents/" + id))).andExpect(jsonPath("$.closedAt").exists());
        clock.advance(Duration.ofHours(25));
        mvc.perform(get("/api/announcements/active")).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void phasesCannotBeSkippedAndBadInputIsRefused() throws Exception {
        long id = open("接口异常");
        mvc.perform(staff(post("/api/console/incidents/" + id + "/stage")).content("""
                {"stage":"TESTING"}""")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value(containsString("修复中")));
        mvc.perform(staff(post("/api/console/incidents/" + id + "/stage")).content("""
                {"stage":"DONE"}""")).andExpect(status().isBadRequest());
        mvc.perform(staff(post("/api/console/incidents/" + id + "/reports")).content("""
                {"trackingNumber":"12345"}""")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("trackingNumber"));
        mvc.perform(staff(post("/api/console/incidents")).content("""
                {"title":"","summary":""}""")).andExpect(status().isBadRequest());
        mvc.perform(staff(post("/api/console/incidents/424242/stage")).content("""
                {"stage":"REPAIRING"}""")).andExpect(status().isNotFound());
    }

    private long open(String title) throws Exception {
        String body = mvc.perform(staff(post("/api/console/incidents")).content("""
                {"title":"%s","summary":"部分企业无法开具发票。","affects":["ISSUE_INVOICE"]}""".formatted(title)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.stage").value("CONFIRMING"))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    private void advance(long id, String stage) throws Exception {
        mvc.perform(staff(post("/api/console/incidents/" + id + "/stage")).content("{\"stage\":\"" + stage + "\"}"))
                .andExpect(status().isOk());
    }
}
