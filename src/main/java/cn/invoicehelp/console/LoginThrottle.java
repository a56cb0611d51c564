package cn.invoicehelp.console;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucket;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins, counted by account and by client address (Bucket4j token buckets, in memory): after
 * {@code accountFailures} failures of one account, or {@code addressFailures} from one address, within
 * {@code window}, further attempts are refused before the password is even checked, until the bucket has refilled
 * a little (one more attempt every {@code window / failures}). A success clears the account's failures.
 * <p>
 * Any sign-in (HTTP Basic on the admin API, the console's form login) uses it the same way: ask
 * {@link #lockedFor} before authenticating ({@link LoginThrottleFilter} does it for Basic and {@code POST /login}),
 * while the outcome is recorded from Spring Security's authentication events.
 */
@Component
class LoginThrottle {

    private static final int MAX_KEYS = 100_000;

    private final LoginLimits limits;
    private final TimeMeter time;
    private final Map<String, Bucket> accounts = new ConcurrentHashMap<>();
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

    LoginThrottle(LoginLimits limits, Clock clock) {
        this.limits = limits;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** How long this account or address must wait before its next attempt; empty if it may try now. */
    Optional<Duration> lockedFor(String account, String address) {
        long nanos = Math.max(wait(accounts.get(key(account))), wait(addresses.get(address)));
        return nanos <= 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
    }

    void failed(String account, String address) {
        if (account != null) {
            bucket(accounts, key(account), limits.accountFailures()).tryConsume(1);
        }
        if (address != null) {
            bucket(addresses, address, limits.addressFailures()).tryConsume(1);
        }
    }

    void succeeded(String account) {
        if (account != null) {
            accounts.remove(key(account));
        }
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

    private static String key(String account) {
        return account == null ? null : account.strip().toLowerCase(Locale.ROOT);
    }

    private static long wait(Bucket bucket) {
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return 0;
        }
        return bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    private Bucket bucket(Map<String, Bucket> buckets, String key, int failures) {
        if (buckets.size() > MAX_KEYS) {
            buckets.values().removeIf(b -> b.getAvailableTokens()
                    >= ((LocalBucket) b).getConfiguration().getBandwidths()[0].getCapacity());
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(failures).refillGreedy(failures, limits.window()).build())
                .withCustomTimePrecision(time).build());
    }
}
