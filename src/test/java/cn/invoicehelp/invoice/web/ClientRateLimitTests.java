package cn.invoicehelp.invoice.web;

import cn.invoicehelp.invoice.ClientKey;
import cn.invoicehelp.invoice.InvoiceVerification;
import cn.invoicehelp.invoice.LookupsTooFrequent;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A client past its lookups for the minute gets a 429 with Retry-After and a zh-CN message. */
@WebMvcTest(InvoiceController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(InvoiceApiErrors.class)
class ClientRateLimitTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    InvoiceVerification verification;

    @Test
    void restLookupsCountAgainstTheCallersAddressAndTheLimitAnswers429WithRetryAfter() throws Exception {
        when(verification.verify(any(), eq(new ClientKey("10.1.2.3")))).thenThrow(new LookupsTooFrequent(
                Duration.ofSeconds(2)));

        mvc.perform(post("/api/invoices/verify").with(r -> {
                    r.setRemoteAddr("10.1.2.3");
                    return r;
                }).contentType(MediaType.APPLICATION_JSON).content("{\"number\": \"12345678\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(jsonPath("$.error").value("查验请求太频繁,请 2 秒后再试。"));
        verify(verification).verify(any(), eq(new ClientKey("10.1.2.3")));
    }
}
