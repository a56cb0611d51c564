package cn.invoicehelp.console;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The failed-login throttle on its own, with a clock the test moves. */
class LoginThrottleTests {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-30T08:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginLimits(3, 5, Duration.ofMinutes(15)), clock);

    @Test
    void anAccountIsLockedAfterTooManyFailuresUntilTheyLeaveTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.lockedFor("wang", "10.0.0.1")).isEmpty();
            throttle.failed("wang", "10.0.0.1");
        }
        assertThat(throttle.lockedFor("wang", "10.0.0.9")).as("from any address").isPresent();
        assertThat(throttle.lockedFor("WANG ", "10.0.0.9")).as("same account, other spelling").isPresent();
        assertThat(throttle.lockedFor("li", "10.0.0.2")).as("other accounts are not affected").isEmpty();

        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThat(throttle.lockedFor("wang", "10.0.0.9")).as("after the window").isEmpty();
    }

    @Test
    void oneAddressTryingManyAccountsIsLockedToo() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.0.0.7");
        }
        assertThat(throttle.lockedFor("someone-else", "10.0.0.7")).isPresent();
        assertThat(throttle.lockedFor("someone-else", "10.0.0.8")).isEmpty();
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() {
        throttle.failed("zhao", "10.0.0.3");
        throttle.failed("zhao", "10.0.0.3");
        throttle.succeeded("zhao");
        throttle.failed("zhao", "10.0.0.3");
        throttle.failed("zhao", "10.0.0.3");
        assertThat(throttle.lockedFor("zhao", "10.0.0.3")).isEmpty();
    }
}
