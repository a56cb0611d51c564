package cn.invoicehelp.chat;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.local.LocalBucket;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per conversation at most {@code rateLimit} frames per {@code rateWindow} (a Bucket4j token bucket refilled evenly
 * over the window). A second bucket of the same size caps the error events a flooding client can make us store.
 */
@Component
class RateLimiter {

    private final int limit;
    private final Duration window;
    private final Map<UUID, Bucket> messages = new ConcurrentHashMap<>();
    private final Map<UUID, Bucket> errors = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    RateLimiter(ChatProperties properties) {
        this.limit = properties.rateLimit();
        this.window = properties.rateWindow();
    }

    boolean tryMessage(UUID conversationId) {
        return tryAcquire(messages, conversationId);
    }

    boolean tryError(UUID conversationId) {
        return tryAcquire(errors, conversationId);
    }

    private boolean tryAcquire(Map<UUID, Bucket> buckets, UUID conversationId) {
        if (calls.incrementAndGet() % 1000 == 0) {
            evictIdle();
        }
        return buckets.computeIfAbsent(conversationId, id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, window).build())
                .build()).tryConsume(1);
    }

    /** A full bucket remembers nothing: dropping it keeps the maps from growing with every conversation ever seen. */
    private void evictIdle() {
        for (Map<UUID, Bucket> buckets : List.of(messages, errors)) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens()
                    >= ((LocalBucket) bucket).getConfiguration().getBandwidths()[0].getCapacity());
        }
    }
}
