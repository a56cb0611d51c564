package cn.invoicehelp.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per key (a client address, an account, an invoice …), all with the same limit, in memory.
 * <p>
 * Buckets run on the application {@link Clock}, so tests that move the clock move the refill too. The map cannot
 * grow with keys that no longer matter: past {@code maxKeys} keys, buckets that have refilled completely are dropped —
 * a full bucket remembers nothing about past requests, so dropping it changes no answer.
 */
public final class KeyedBuckets<K> {

    private final Map<K, Bucket> buckets = new ConcurrentHashMap<>();
    private final Bandwidth limit;
    private final TimeMeter time;
    private final int maxKeys;
    private volatile int nextSweepAt;

    private KeyedBuckets(Bandwidth limit, Clock clock, int maxKeys) {
        this.limit = limit;
        this.maxKeys = maxKeys;
        this.nextSweepAt = maxKeys;
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

    /** {@code capacity} tokens per key, refilled evenly over {@code window} (one back every window / capacity). */
    public static <K> KeyedBuckets<K> refillingEvenly(int capacity, Duration window, Clock clock, int maxKeys) {
        return new KeyedBuckets<>(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build(),
                clock, maxKeys);
    }

    /** {@code capacity} tokens per key, all back at once when {@code period} has passed. */
    public static <K> KeyedBuckets<K> refillingAtOnce(int capacity, Duration period, Clock clock, int maxKeys) {
        return new KeyedBuckets<>(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, period).build(),
                clock, maxKeys);
    }

    /** Takes one token of {@code key}: empty when it was there, else how long until one is back (nothing taken). */
    public Optional<Duration> tryTake(K key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Takes one token of {@code key} if there is one; a key that ran dry stays dry (e.g. counting failures). */
    public void take(K key) {
        bucket(key).tryConsume(1);
    }

    /** How long until {@code key} has a token; empty when it has one now. Takes nothing, creates no bucket. */
    public Optional<Duration> waitFor(K key) {
        Bucket bucket = key == null ? null : buckets.get(key);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    /** Forgets what {@code key} used (e.g. an account's failed sign-ins after a successful one). */
    public void reset(K key) {
        if (key != null) {
            buckets.remove(key);
        }
    }

    int size() {
        return buckets.size();
    }

    private Bucket bucket(K key) {
        Bucket bucket = buckets.get(key);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= nextSweepAt) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= limit.getCapacity());
            // Keys still limited must be remembered; sweep again only once the map has doubled (amortised O(1)).
            nextSweepAt = Math.max(maxKeys, 2 * buckets.size());
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(limit).withCustomTimePrecision(time).build());
    }

    /** Whole seconds to tell a client in {@code Retry-After}: at least 1, rounded up. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, wait.plusNanos(999_999_999L).toSeconds());
    }
}
