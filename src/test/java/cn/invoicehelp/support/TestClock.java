package cn.invoicehelp.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The clock of tests that move time (Beijing time): starts at the real time or at a given instant, moves only when
 * told to.
 */
public final class TestClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    public TestClock() {
        this(Instant.now());
    }

    public TestClock(Instant start) {
        this.now = start.truncatedTo(ChronoUnit.SECONDS);
        this.zone = ZoneId.of("Asia/Shanghai");
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    /** Whole seconds, as the database keeps them. */
    public void set(Instant instant) {
        now = instant.truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock other = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return other.withZone(z);
            }

            @Override
            public Instant instant() {
                return other.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }
}
