package cn.invoicehelp.escalation.report;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets (Bucket4j, timed by the application clock) for filing per client address, and for failed look-ups
 * per client address and per tracking number: guessing numbers or contacts soon stops paying off.
 */
@Component
class ReportThrottle {

    private static final int MAX_KEYS = 50_000;

    private final FaultReportProperties properties;
    private final TimeMeter time;
    private final Map<String, Bucket> filings = new ConcurrentHashMap<>();
    private final Map<String, Bucket> guessesByClient = new ConcurrentHashMap<>();
    private final Map<String, Bucket> guessesByNumber = new ConcurrentHashMap<>();

    ReportThrottle(FaultReportProperties properties, Clock clock) {
        this.properties = properties;
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

    /** Counts one filing; empty when allowed, else how long the client must wait. */
    Optional<Duration> tryFiling(String client) {
        Bucket bucket = bucket(filings, client, properties.filingsPerClient(), properties.filingWindow());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(waitOf(probe.getNanosToWaitForRefill()));
    }

    /** Empty when this client may look a report up now (counts nothing). */
    Optional<Duration> clientBlocked(String client) {
        return blocked(guessBucketOfClient(client));
    }

    /** Empty when this tracking number may be looked up now (counts nothing). */
    Optional<Duration> numberBlocked(String number) {
        return blocked(guessBucketOfNumber(number));
    }

    /** Counts a failed look-up (unknown number or wrong contact) of this client. */
    void wrongGuessByClient(String client) {
        guessBucketOfClient(client).tryConsume(1);
    }

    /** Counts a failed look-up of this number, whoever made it. */
    void wrongGuessOfNumber(String number) {
        guessBucketOfNumber(number).tryConsume(1);
    }

    private static Optional<Duration> blocked(Bucket bucket) {
        var estimate = bucket.estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? Optional.empty() : Optional.of(waitOf(estimate.getNanosToWaitForRefill()));
    }

    private Bucket guessBucketOfClient(String client) {
        return bucket(guessesByClient, client, properties.wrongGuessesPerClient(), properties.guessWindow());
    }

    private Bucket guessBucketOfNumber(String number) {
        return bucket(guessesByNumber, number, properties.wrongGuessesPerNumber(), properties.guessWindow());
    }

    private Bucket bucket(Map<String, Bucket> buckets, String key, int capacity, Duration window) {
        if (buckets.size() > MAX_KEYS) {
            // Full buckets carry no memory of past requests: dropping them changes nothing.
            buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
        }
        return buckets.computeIfAbsent(key == null ? "" : key, k -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build()).build());
    }

    private static Duration waitOf(long nanos) {
        return Duration.ofNanos(Math.max(nanos, 1_000_000_000L));
    }
}
