package cn.invoicehelp.invoice;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** One client address gets a bounded number of lookups a minute; the next is a 429 with a zh-CN message. */
@WebMvcTest(InvoiceController.class)
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc(addFilters = false)
@Import({ClientRateLimiter.class, InvoiceClock.class, InvoiceApiErrors.class})
@TestPropertySource(properties = "helpdesk.invoice.client-per-minute=3")
@org.springframework.boot.context.properties.EnableConfigurationProperties(InvoiceProperties.class)
class ClientRateLimitTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    InvoiceVerification verification;

    @Test
    void answersTooManyRequestsAfterTheLimit() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/api/invoices/verify").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"number\": \"12345678\"}")).andExpect(status().isOk());
        }
        mvc.perform(post("/api/invoices/verify").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\": \"12345678\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.error").value("查验请求太频繁,请 1 分钟后再试。"));
    }
}
