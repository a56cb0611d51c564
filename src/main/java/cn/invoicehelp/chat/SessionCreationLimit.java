package cn.invoicehelp.chat;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Chat sessions per client address: a token bucket of {@code sessionsPerClient}, refilled evenly over
 * {@code sessionsWindow}. Every session is also a fresh message budget, so without this one client could open
 * thousands of them.
 */
@Component
class SessionCreationLimit {

    private static final int MAX_CLIENTS = 100_000;

    private final ChatLimits limits;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    SessionCreationLimit(ChatLimits limits, Clock clock) {
        this.limits = limits;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return TimeUnit.MILLISECONDS.toNanos(clock.millis());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Seconds to wait before the next session may be opened; 0 when it was allowed (and counted). */
    long tryOpen(String client) {
        if (buckets.size() > MAX_CLIENTS) {
            // Full buckets carry no information: dropping them forgets nothing.
            buckets.values().removeIf(b -> b.getAvailableTokens() >= limits.sessionsPerClient());
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(client, key -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
    }

    private Bucket newBucket() {
        int capacity = limits.sessionsPerClient();
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, limits.sessionsWindow()))
                .withCustomTimePrecision(time)
                .build();
    }
}
