package cn.invoicehelp.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The application's one clock in tests that move time: starts at the real time, moves only when told to. */
public final class TestClock extends Clock {

    private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final ZoneId zone;

    public TestClock() {
        this(ZoneId.of("Asia/Shanghai"));
    }

    private TestClock(ZoneId zone) {
        this.zone = zone;
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
