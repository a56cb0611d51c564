package cn.invoicehelp.invoice;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A sliding one-minute window of verification requests per client address, kept in memory. */
@Component
class ClientRateLimiter {

    private static final long WINDOW_MILLIS = 60_000;
    private static final int MAX_CLIENTS = 100_000;

    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();
    private final InvoiceProperties properties;
    private final Clock clock;

    ClientRateLimiter(InvoiceProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** True when the client may make one more request now (and counts it). */
    boolean tryAcquire(String client) {
        long now = clock.millis();
        if (recent.size() > MAX_CLIENTS) {
            recent.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    Long last = e.getValue().peekLast();
                    return last == null || last < now - WINDOW_MILLIS;
                }
            });
        }
        Deque<Long> times = recent.computeIfAbsent(client, key -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
                times.pollFirst();
            }
            if (times.size() >= properties.clientPerMinute()) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
