package cn.invoicehelp.announcement;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AnnouncementApiTests extends AnnouncementDeskTest {

    @Test
    void publishedMaintenanceIsActiveForEveryoneUntilItsEnd() throws Exception {
        Instant now = clock.instant();
        JsonNode created = json.readTree(mvc.perform(staff(post("/api/console/announcements")).content("""
                {"kind":"MAINTENANCE","level":"WARNING","title":"系统维护","body":"今晚升级",
                 "affects":["ISSUE_INVOICE","QUERY_HISTORY"],"startsAt":"%s","endsAt":"%s"}"""
                .formatted(now.minusSeconds(60), now.plus(Duration.ofHours(2)))))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andReturn().getResponse().getContentAsString());
        long id = created.get("id").asLong();

        mvc.perform(get("/api/announcements/active"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].kind").value("MAINTENANCE"))
                .andExpect(jsonPath("$[0].title").value("系统维护"))
                .andExpect(jsonPath("$[0].affects[1]").value("QUERY_HISTORY"))
                .andExpect(jsonPath("$[0].endsAt").value(now.plus(Duration.ofHours(2)).toString()))
                .andExpect(jsonPath("$[0].incidentStage").doesNotExist());
        assertThat(events.ofType(AnnouncementPublished.class)).extracting(e -> e.announcement().id()).containsExactly(id);

        clock.advance(Duration.ofHours(2));
        fixtures.board().pushDue();
        mvc.perform(get("/api/announcements/active")).andExpect(jsonPath("$.length()").value(0));
        assertThat(events.ofType(AnnouncementEnded.class)).extracting(AnnouncementEnded::id).containsExactly(id);
    }

    @Test
    void scheduledWindowAppearsAndDisappearsByItself() throws Exception {
        Instant start = clock.instant().plus(Duration.ofHours(1));
        mvc.perform(staff(post("/api/console/announcements")).content("""
                {"kind":"MAINTENANCE","title":"夜间维护","body":"22:00-24:00 暂停开票","affects":["ISSUE_INVOICE"],
                 "startsAt":"%s","endsAt":"%s"}""".formatted(start, start.plus(Duration.ofHours(2)))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SCHEDULED"));
        mvc.perform(get("/api/announcements/active")).andExpect(jsonPath("$.length()").value(0));
        fixtures.board().pushDue();
        assertThat(events.ofType(AnnouncementPublished.class)).isEmpty();

        clock.advance(Duration.ofHours(1));
        mvc.perform(get("/api/announcements/active")).andExpect(jsonPath("$[0].title").value("夜间维护"));
        fixtures.board().pushDue();
        fixtures.board().pushDue();
        assertThat(events.ofType(AnnouncementPublished.class)).hasSize(1);

        clock.advance(Duration.ofHours(2));
        mvc.perform(get("/api/announcements/active")).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void changingAndEndingKeepsTheHistory() throws Exception {
        long id = fixtures.publishNow("NOTICE", "旧标题");
        mvc.perform(staff(put("/api/console/announcements/" + id)).content("""
                {"kind":"NOTICE","level":"INFO","title":"新标题","body":"内容","affects":[]}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.title").value("新标题"));
        mvc.perform(get("/api/announcements/active")).andExpect(jsonPath("$[0].title").value("新标题"));

        mvc.perform(staff(delete("/api/console/announcements/" + id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ENDED"));
        mvc.perform(get("/api/announcements/active")).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(staff(get("/api/console/announcements/" + id))).andExpect(jsonPath("$.status").value("ENDED"))
                .andExpect(jsonPath("$.endedAt").exists());
        mvc.perform(staff(put("/api/console/announcements/" + id)).content("""
                {"kind":"NOTICE","title":"再改","body":"内容"}""")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("已经结束")));
    }

    @Test
    void badInputGetsZhCnFieldErrors() throws Exception {
        mvc.perform(staff(post("/api/console/announcements")).content("""
                {"kind":"OUTAGE","title":" ","body":"x","affects":["COFFEE"],"startsAt":"明天",
                 "endsAt":"2020-01-01T00:00:00Z"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='kind')].message").exists())
                .andExpect(jsonPath("$.errors[?(@.field=='title')].message").value("标题不能为空"))
                .andExpect(jsonPath("$.errors[?(@.field=='affects')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field=='startsAt')]").exists());
        mvc.perform(staff(post("/api/console/announcements")).content("""
                {"kind":"NOTICE","title":"t","body":"b","startsAt":"2030-01-02T00:00:00Z","endsAt":"2030-01-01T00:00:00Z"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("结束时间必须晚于开始时间"));
        mvc.perform(staff(post("/api/console/announcements")).content("{not json"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").exists());
        mvc.perform(staff(put("/api/console/announcements/999999")).content("""
                {"kind":"NOTICE","title":"t","body":"b"}""")).andExpect(status().isNotFound());
        mvc.perform(staff(delete("/api/console/announcements/abc"))).andExpect(status().isBadRequest());
    }

    @Test
    void onlySignedInStaffWithCsrfTokenMayPublish() throws Exception {
        String body = """
                {"kind":"NOTICE","title":"t","body":"b"}""";
        mvc.perform(post("/api/console/announcements").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(csrf())).andExpect(status().is4xxClientError());
        mvc.perform(post("/api/console/announcements").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(user("agent").roles("AGENT"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/console/announcements").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(user("visitor").roles("VISITOR")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/api/announcements/active")).andExpect(status().isOk());
    }

    @Test
    void scriptTagsAreKeptAsPlainText() throws Exception {
        mvc.perform(staff(post("/api/console/announcements")).content("""
                {"kind":"NOTICE","title":"<script>alert(1)</script>公告","body":"<img src=x onerror=alert(2)>"}"""))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/announcements/active"))
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/json")))
                .andExpect(jsonPath("$[0].title").value("<script>alert(1)</script>公告"))
                .andExpect(jsonPath("$[0].body").value("<img src=x onerror=alert(2)>"));
    }
}
