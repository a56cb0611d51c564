package cn.invoicehelp.invoice;

import cn.invoicehelp.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** One client address gets a bounded number of lookups a minute; the next is a 429 with a zh-CN message. */
@WebMvcTest(InvoiceController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(InvoiceApiErrors.class)
class ClientRateLimitTests {

    static final Instant START = Instant.parse("2025-01-06T02:00:00Z");

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

    @Test
    void aClientGetsItsLookupsPerMinuteAndMoreAfterTheMinute() {
        TestClock clock = new TestClock(START);
        LookupLimits limits = new LookupLimits(new InvoiceProperties(null, null, 3, null, null, null), clock);
        ClientKey client = new ClientKey("10.1.2.3");
        for (int i = 0; i < 3; i++) {
            limits.acquire(client);
        }
        assertThatThrownBy(() -> limits.acquire(client)).isInstanceOf(LookupsTooFrequent.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((LookupsTooFrequent) e).retryAfter())
                        .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(20)));
        assertThatCode(() -> limits.acquire(new ClientKey("10.9.9.9"))).as("other clients are not affected")
                .doesNotThrowAnyException();

        clock.advance(Duration.ofMinutes(1));
        assertThatCode(() -> limits.acquire(client)).doesNotThrowAnyException();
    }

    @Test
    void failedTriesAreCountedPerClientAndInvoiceAndComeBackTheNextDay() {
        TestClock clock = new TestClock(START);
        LookupLimits limits = new LookupLimits(new InvoiceProperties(null, null, null, null, 2, null), clock);
        ClientKey stranger = new ClientKey("stranger");
        limits.failed(stranger, "1100242130", "12345678");
        limits.failed(stranger, "1100242130", "12345678");

        org.assertj.core.api.Assertions.assertThat(limits.mayTry(stranger, "1100242130", "12345678")).isFalse();
        org.assertj.core.api.Assertions.assertThat(limits.mayTry(stranger, "1100242130", "87654321")).isTrue();
        org.assertj.core.api.Assertions.assertThat(limits.mayTry(new ClientKey("owner"), "1100242130", "12345678"))
                .isTrue();
        clock.advance(Duration.ofDays(1));
        org.assertj.core.api.Assertions.assertThat(limits.mayTry(stranger, "1100242130", "12345678")).isTrue();
    }
}
