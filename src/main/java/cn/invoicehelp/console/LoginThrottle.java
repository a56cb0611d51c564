package cn.invoicehelp.console;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed-login throttle, keyed by account and by client address (sliding window). Guessing one account's password
 * stops after a few tries; one address trying many accounts stops too. A successful login clears its account's
 * failures (not the address's). In memory: a restart forgets, which only ever lets people in sooner.
 */
@Component
public class LoginThrottle {

    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> accounts = new ConcurrentHashMap<>();
    private final Map<String, Deque<Long>> addresses = new ConcurrentHashMap<>();

    LoginThrottle(ConsoleProperties properties, Clock clock) {
        this.perAccount = properties.maxFailuresPerAccount();
        this.perAddress = properties.maxFailuresPerAddress();
        this.window = properties.failureWindow();
        this.clock = clock;
    }

    /** How long this login must wait, if it is locked out now. */
    public Optional<Duration> blocked(String username, String address) {
        long now = clock.millis();
        long wait = Math.max(retryAfter(accounts.get(key(username)), perAccount, now),
                retryAfter(addresses.get(address), perAddress, now));
        return wait > 0 ? Optional.of(Duration.ofMillis(wait)) : Optional.empty();
    }

    public void failed(String username, String address) {
        long now = clock.millis();
        record(accounts, key(username), now);
        record(addresses, address, now);
        if ((accounts.size() + addresses.size()) % 1000 == 0) {
            evict(now);
        }
    }

    public void succeeded(String username) {
        accounts.remove(key(username));
    }

    private long retryAfter(Deque<Long> failures, int max, long now) {
        if (failures == null) {
            return 0;
        }
        synchronized (failures) {
            prune(failures, now);
            if (failures.size() < max) {
                return 0;
            }
            // Locked until enough failures leave the window to bring the count under the limit.
            long oldestThatMatters = failures.stream().skip(failures.size() - max).findFirst().orElse(now);
            return oldestThatMatters + window.toMillis() - now;
        }
    }

    private void record(Map<String, Deque<Long>> map, String key, long now) {
        if (key == null) {
            return;
        }
        Deque<Long> failures = map.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (failures) {
            prune(failures, now);
            failures.addLast(now);
        }
    }

    private void prune(Deque<Long> failures, long now) {
        while (!failures.isEmpty() && failures.peekFirst() <= now - window.toMillis()) {
            failures.pollFirst();
        }
    }

    private void evict(long now) {
        for (Map<String, Deque<Long>> map : java.util.List.of(accounts, addresses)) {
            map.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
