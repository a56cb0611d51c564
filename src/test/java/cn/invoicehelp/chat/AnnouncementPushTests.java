package cn.invoicehelp.chat;

import cn.invoicehelp.announcement.AnnouncementFixtures;
import cn.invoicehelp.support.ClockedAppTest;
import cn.invoicehelp.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** New announcements reach open conversations as stored {@code announcement} events. */
@ClockedAppTest
class AnnouncementPushTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    TestClock clock;
    @Autowired
    AnnouncementFixtures announcements;

    @AfterEach
    void quietBoard() {
        announcements.endAll();
    }

    @Test
    void aNewAnnouncementIsPushedIntoOpenConversations() throws Exception {
        clock.set(Instant.now()); // other tests of this context may have moved time on; conversations use real time
        JsonNode session = json.readTree(mvc.perform(post("/api/chat/sessions").contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andReturn().getResponse().getContentAsString());
        String id = session.get("conversationId").asString();
        String token = session.get("token").asString();

        long published = announcements.publishMaintenance("<b>今晚维护</b>", "22:00 起暂停开票", Duration.ofHours(2));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode events = json.readTree(mvc.perform(get("/api/chat/sessions/" + id + "/events?afterSeq=0")
                    .header("Authorization", "Bearer " + token)).andReturn().getResponse().getContentAsString());
            JsonNode list = events.isArray() ? events : events.get("events");
            for (JsonNode e : list) {
                if ("announcement".equals(e.get("type").asString())
                        && e.get("card").get("id").asLong() == published
                        && "<b>今晚维护</b>".equals(e.get("card").get("title").asString())
                        && "MAINTENANCE".equals(e.get("card").get("announcementKind").asString())) {
                    return true;
                }
            }
            return false;
        });
    }
}
