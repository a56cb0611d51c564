package cn.invoicehelp.limits;

import cn.invoicehelp.support.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class KeyedBucketsTests {

    final TestClock clock = new TestClock();

    @Test
    void eachKeyHasItsOwnBudgetThatComesBackWithTheApplicationClock() {
        KeyedBuckets<String> perClient = KeyedBuckets.refillingEvenly(3, Duration.ofMinutes(3), clock, 100);
        for (int i = 0; i < 3; i++) {
            assertThat(perClient.tryTake("10.0.0.1")).isEmpty();
        }
        assertThat(perClient.tryTake("10.0.0.1")).hasValue(Duration.ofMinutes(1));
        assertThat(perClient.tryTake("10.0.0.2")).as("another client is not affected").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        assertThat(perClient.tryTake("10.0.0.1")).as("one token back per window / capacity").isEmpty();
        assertThat(perClient.waitFor("10.0.0.1")).hasValue(Duration.ofMinutes(1));
    }

    @Test
    void aBudgetRefilledAtOnceStaysEmptyUntilThePeriodHasPassed() {
        KeyedBuckets<String> failures = KeyedBuckets.refillingAtOnce(2, Duration.ofDays(1), clock, 100);
        failures.take("client|invoice");
        failures.take("client|invoice");
        failures.take("client|invoice"); // a key that ran dry stays dry
        assertThat(failures.waitFor("client|invoice")).isPresent();

        clock.advance(Duration.ofHours(23));
        assertThat(failures.waitFor("client|invoice")).hasValue(Duration.ofHours(1));
        clock.advance(Duration.ofHours(1));
        assertThat(failures.waitFor("client|invoice")).isEmpty();
    }

    @Test
    void forgettingFullBucketsToStayBoundedNeverFreesAKeyThatIsStillLimited() {
        KeyedBuckets<Integer> buckets = KeyedBuckets.refillingEvenly(1, Duration.ofHours(1), clock, 100);
        for (int key = 0; key < 100; key++) {
            buckets.take(key);
        }
        clock.advance(Duration.ofHours(1)); // all of them refilled: nothing worth remembering
        buckets.take(-1); // limited for the next hour
        for (int key = 100; key < 5_000; key++) {
            buckets.take(key);
        }
        assertThat(buckets.size()).isLessThanOrEqualTo(5_000 - 100 + 1);
        assertThat(buckets.waitFor(-1)).isPresent();
        assertThat(buckets.waitFor(4_999)).isPresent();
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndNeverZero() {
        assertThat(KeyedBuckets.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(KeyedBuckets.retryAfterSeconds(Duration.ofMillis(1_001))).isEqualTo(2);
        assertThat(KeyedBuckets.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
    }
}
