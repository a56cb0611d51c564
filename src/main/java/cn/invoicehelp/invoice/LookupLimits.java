package cn.invoicehelp.invoice;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucket;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The per-client budgets of the lookup, in memory (Bucket4j token buckets on the application clock):
 * <ul>
 * <li>lookups per client and minute, REST and chat alike ({@code helpdesk.invoice.client-per-minute});</li>
 * <li>failed lookups (not found, mismatch) per client and invoice ({@code helpdesk.invoice.client-failures-per-invoice}
 * a day), so a stranger guessing check codes runs out of tries for himself, not for the invoice's owner.</li>
 * </ul>
 * The platform's daily limit per invoice counts matching lookups only and lives in the database ({@link LookupCounter}).
 */
@Component
class LookupLimits {

    private static final int MAX_KEYS = 100_000;
    private static final Duration FAILURE_PERIOD = Duration.ofDays(1);

    private final InvoiceProperties properties;
    private final TimeMeter time;
    private final Map<String, Bucket> clients = new ConcurrentHashMap<>();
    private final Map<String, Bucket> failures = new ConcurrentHashMap<>();

    LookupLimits(InvoiceProperties properties, Clock clock) {
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

    /** Counts one lookup of {@code client}; throws when the client's minute budget is used up. */
    void acquire(ClientKey client) {
        ConsumptionProbe probe = bucket(clients, client.value(), () -> Bandwidth.builder()
                .capacity(properties.clientPerMinute())
                .refillGreedy(properties.clientPerMinute(), Duration.ofMinutes(1)).build())
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new LookupsTooFrequent(Duration.ofNanos(probe.getNanosToWaitForRefill()).plusMillis(999)
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
    }

    /** True while {@code client} still has failed tries left for this invoice. */
    boolean mayTry(ClientKey client, String code, String number) {
        Bucket bucket = failures.get(failureKey(client, code, number));
        return bucket == null || bucket.getAvailableTokens() > 0;
    }

    /** Records a lookup of this invoice by {@code client} that did not match. */
    void failed(ClientKey client, String code, String number) {
        int allowed = properties.clientFailuresPerInvoice();
        bucket(failures, failureKey(client, code, number), () -> Bandwidth.builder().capacity(allowed)
                .refillIntervally(allowed, FAILURE_PERIOD).build()).tryConsume(1);
    }

    private static String failureKey(ClientKey client, String code, String number) {
        return client.value() + '|' + code + '|' + number;
    }

    private Bucket bucket(Map<String, Bucket> buckets, String key, Supplier<Bandwidth> limit) {
        if (buckets.size() > MAX_KEYS) {
            evictFull(buckets);
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(limit.get())
                .withCustomTimePrecision(time).build());
    }

    /** A bucket that has refilled completely remembers nothing worth keeping. */
    private static void evictFull(Map<String, Bucket> buckets) {
        buckets.values().removeIf(bucket -> bucket.getAvailableTokens()
                >= ((LocalBucket) bucket).getConfiguration().getBandwidths()[0].getCapacity());
    }
}
