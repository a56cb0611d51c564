package cn.invoicehelp.invoice;

import java.time.Duration;

/** One client made more lookups than {@code helpdesk.invoice.client-per-minute}; the REST API answers 429. */
public class LookupsTooFrequent extends RuntimeException {

    private final Duration retryAfter;

    public LookupsTooFrequent(Duration retryAfter) {
        super("查验请求太频繁,请 " + Math.max(1, retryAfter.toSeconds()) + " 秒后再试。", null, false, false);
        this.retryAfter = retryAfter;
    }

    /** How long until the next lookup is accepted (at least one second). */
    public Duration retryAfter() {
        return retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter;
    }
}
