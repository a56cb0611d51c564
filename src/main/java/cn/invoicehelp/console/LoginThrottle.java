package cn.invoicehelp.console;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
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
 * Failed sign-ins, counted by account and by client address (sliding window, in memory). Guessing one account's
 * password stops after a few tries; one address trying many accounts stops too. Ask {@link #lockedFor} before
 * authenticating ({@link LoginThrottleFilter} does it for {@code POST /login}); outcomes are recorded from Spring
 * Security's authentication events, so every sign-in path counts. A success clears its account's failures.
 */
@Component
class LoginThrottle {

    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> accounts = new ConcurrentHashMap<>();
    private final Map<String, Deque<Long>> addresses = new ConcurrentHashMap<>();

    LoginThrottle(LoginLimits limits, Clock clock) {
        this.perAccount = limits.accountFailures();
        this.perAddress = limits.addressFailures();
        this.window = limits.window();
        this.clock = clock;
    }

    /** How long this login must wait, if it is locked out now. */
    Optional<Duration> lockedFor(String username, String address) {
        long now = clock.millis();
        long wait = Math.max(retryAfter(accounts.get(key(username)), perAccount, now),
                retryAfter(addresses.get(address), perAddress, now));
        return wait > 0 ? Optional.of(Duration.ofMillis(wait)) : Optional.empty();
    }

    void failed(String username, String address) {
        long now = clock.millis();
        record(accounts, key(username), now);
        record(addresses, address, now);
        if ((accounts.size() + addresses.size()) % 1000 == 0) {
            evict(now);
        }
    }

    void succeeded(String username) {
        accounts.remove(key(username));
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        failed(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName());
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
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
        if (key == null || key.isEmpty()) {
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
