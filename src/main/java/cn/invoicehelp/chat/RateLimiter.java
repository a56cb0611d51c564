package cn.invoicehelp.chat;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sliding-window limit per conversation: at most {@code rateLimit} frames per {@code rateWindow}. A second window of
 * the same size caps the error events a flooding client can make us store.
 */
@Component
class RateLimiter {

    private final int limit;
    private final long windowMillis;
    private final Clock clock = Clock.systemUTC();
    private final Map<UUID, Deque<Long>> messages = new ConcurrentHashMap<>();
    private final Map<UUID, Deque<Long>> errors = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();

    RateLimiter(ChatProperties properties) {
        this.limit = properties.rateLimit();
        this.windowMillis = properties.rateWindow().toMillis();
    }

    boolean tryMessage(UUID conversationId) {
        return tryAcquire(messages, conversationId);
    }

    boolean tryError(UUID conversationId) {
        return tryAcquire(errors, conversationId);
    }

    private boolean tryAcquire(Map<UUID, Deque<Long>> windows, UUID conversationId) {
        if (calls.incrementAndGet() % 1000 == 0) {
            evictIdle();
        }
        long now = clock.millis();
        Deque<Long> window = windows.computeIfAbsent(conversationId, id -> new ArrayDeque<>());
        synchronized (window) {
            while (!window.isEmpty() && window.peekFirst() <= now - windowMillis) {
                window.pollFirst();
            }
            if (window.size() >= limit) {
                return false;
            }
            window.addLast(now);
            return true;
        }
    }

    /** Drops idle windows so the maps don't grow with every conversation ever seen. */
    private void evictIdle() {
        long cutoff = clock.millis() - windowMillis;
        for (Map<UUID, Deque<Long>> windows : java.util.List.of(messages, errors)) {
            windows.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    Long last = entry.getValue().peekLast();
                    return last == null || last <= cutoff;
                }
            });
        }
    }
}
