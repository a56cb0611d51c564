package cn.invoicehelp.console;

import cn.invoicehelp.support.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed sign-ins lock the account, and separately the address, for a while; a success clears the account. */
class LoginThrottleTests {

    final TestClock clock = new TestClock(Instant.parse("2025-01-06T02:00:00Z"));
    final LoginThrottle throttle = new LoginThrottle(new LoginLimits(3, 5, Duration.ofMinutes(15)), clock);

    @Test
    void locksAnAccountAfterItsFailuresUntilTheBudgetRefills() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.lockedFor("admin", "10.0.0.1")).isEmpty();
            throttle.failed("admin", "10.0.0.1");
        }

        assertThat(throttle.lockedFor("admin", "10.0.0.2")).as("from any address").get()
                .satisfies(wait -> assertThat(wait).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5)));
        assertThat(throttle.lockedFor("ADMIN ", "10.0.0.2")).as("whatever the spelling").isPresent();
        assertThat(throttle.lockedFor("agent1", "10.0.0.2")).as("other accounts").isEmpty();

        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.lockedFor("admin", "10.0.0.2")).isEmpty();
    }

    @Test
    void locksAnAddressThatTriesManyAccounts() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }

        assertThat(throttle.lockedFor("someone-else", "10.0.0.9")).isPresent();
        assertThat(throttle.lockedFor("someone-else", "10.0.0.10")).isEmpty();
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsFailures() {
        throttle.failed("admin", "10.0.0.1");
        throttle.failed("admin", "10.0.0.1");
        throttle.succeeded("admin");
        throttle.failed("admin", "10.0.0.1");
        throttle.failed("admin", "10.0.0.1");

        assertThat(throttle.lockedFor("admin", "10.0.0.3")).isEmpty();
    }
}
