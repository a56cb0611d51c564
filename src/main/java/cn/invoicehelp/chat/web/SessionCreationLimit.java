package cn.invoicehelp.chat.web;

import cn.invoicehelp.chat.ChatLimits;
import cn.invoicehelp.limits.KeyedBuckets;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Chat sessions per client address: a token bucket of {@code sessionsPerClient}, refilled evenly over
 * {@code sessionsWindow}. Every session is also a fresh message budget, so without this one client could open
 * thousands of them.
 */
@Component
class SessionCreationLimit {

    private static final int MAX_CLIENTS = 100_000;

    private final KeyedBuckets<String> buckets;

    SessionCreationLimit(ChatLimits limits, Clock clock) {
        this.buckets = KeyedBuckets.refillingEvenly(limits.sessionsPerClient(), limits.sessionsWindow(), clock,
                MAX_CLIENTS);
    }

    /** Seconds to wait before the next session may be opened; 0 when it was allowed (and counted). */
    long tryOpen(String client) {
        return buckets.tryTake(client).map(KeyedBuckets::retryAfterSeconds).orElse(0L);
    }
}
