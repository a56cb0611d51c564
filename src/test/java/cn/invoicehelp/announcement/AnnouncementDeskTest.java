package cn.invoicehelp.announcement;

import cn.invoicehelp.support.ClockedAppTest;
import cn.invoicehelp.support.RecordedEvents;
import cn.invoicehelp.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * What the announcement and incident API tests share: the clocked application behind MockMvc, a quiet board before
 * and after each test, the events recorded from a clean start, and requests sent as signed-in staff.
 */
@ClockedAppTest
abstract class AnnouncementDeskTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    RecordedEvents events;
    @Autowired
    JsonMapper json;
    @Autowired
    AnnouncementFixtures fixtures;

    @BeforeEach
    void clean() {
        fixtures.endAll();
        events.clear();
    }

    @AfterEach
    void endEverything() {
        fixtures.endAll();
    }

    /** The request as a signed-in agent with the CSRF token, sending JSON. */
    static MockHttpServletRequestBuilder staff(MockHttpServletRequestBuilder request) {
        return request.with(user("agent").roles("AGENT")).with(csrf()).contentType(MediaType.APPLICATION_JSON);
    }
}
