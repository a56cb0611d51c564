package cn.invoicehelp.escalation;

import java.time.Duration;

/** Too many failed look-ups of this tracking number lately (someone guessing contacts): try again after a while. */
public class FaultReportLookupThrottled extends RuntimeException {

    private final Duration retryAfter;

    public FaultReportLookupThrottled(Duration retryAfter) {
        super("too many failed look-ups, retry after " + retryAfter);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
