package cn.invoicehelp.console;

import cn.invoicehelp.limits.KeyedBuckets;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

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

    private final KeyedBuckets<String> accounts;
    private final KeyedBuckets<String> addresses;

    LoginThrottle(LoginLimits limits, Clock clock) {
        this.accounts = KeyedBuckets.refillingEvenly(limits.accountFailures(), limits.window(), clock, MAX_KEYS);
        this.addresses = KeyedBuckets.refillingEvenly(limits.addressFailures(), limits.window(), clock, MAX_KEYS);
    }

    /** How long this account or address must wait before its next attempt; empty if it may try now. */
    Optional<Duration> lockedFor(String account, String address) {
        return Stream.of(accounts.waitFor(key(account)), addresses.waitFor(address))
                .flatMap(Optional::stream).max(Comparator.naturalOrder());
    }

    void failed(String account, String address) {
        if (account != null) {
            accounts.take(key(account));
        }
        if (address != null) {
            addresses.take(address);
        }
    }

    void succeeded(String account) {
        accounts.reset(key(account));
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
}
