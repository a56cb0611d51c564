package cn.invoicehelp.chat;

import cn.invoicehelp.limits.KeyedBuckets;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/**
 * Per conversation at most {@code rateLimit} frames per {@code rateWindow} (a Bucket4j token bucket refilled evenly
 * over the window). A second bucket of the same size caps the error events a flooding client can make us store.
 */
@Component
class RateLimiter {

    private static final int MAX_CONVERSATIONS = 100_000;

    private final KeyedBuckets<UUID> messages;
    private final KeyedBuckets<UUID> errors;

    RateLimiter(ChatProperties properties, Clock clock) {
        this.messages = KeyedBuckets.refillingEvenly(properties.rateLimit(), properties.rateWindow(), clock,
                MAX_CONVERSATIONS);
        this.errors = KeyedBuckets.refillingEvenly(properties.rateLimit(), properties.rateWindow(), clock,
                MAX_CONVERSATIONS);
    }

    boolean tryMessage(UUID conversationId) {
        return messages.tryTake(conversationId).isEmpty();
    }

    boolean tryError(UUID conversationId) {
        return errors.tryTake(conversationId).isEmpty();
    }
}
