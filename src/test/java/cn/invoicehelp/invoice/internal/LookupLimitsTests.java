package cn.invoicehelp.invoice.internal;

import cn.invoicehelp.invoice.ClientKey;
import cn.invoicehelp.invoice.LookupsTooFrequent;
import cn.invoicehelp.support.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A client address gets a bounded number of lookups a minute and of failed tries per invoice and day. */
class LookupLimitsTests {

    static final Instant START = Instant.parse("2025-01-06T02:00:00Z");

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
