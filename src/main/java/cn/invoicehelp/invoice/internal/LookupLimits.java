package cn.invoicehelp.invoice.internal;

import cn.invoicehelp.invoice.ClientKey;
import cn.invoicehelp.invoice.LookupsTooFrequent;
import cn.invoicehelp.limits.KeyedBuckets;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

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

    private final KeyedBuckets<String> clients;
    private final KeyedBuckets<String> failures;

    LookupLimits(InvoiceProperties properties, Clock clock) {
        this.clients = KeyedBuckets.refillingEvenly(properties.clientPerMinute(), Duration.ofMinutes(1), clock,
                MAX_KEYS);
        this.failures = KeyedBuckets.refillingAtOnce(properties.clientFailuresPerInvoice(), FAILURE_PERIOD, clock,
                MAX_KEYS);
    }

    /** Counts one lookup of {@code client}; throws when the client's minute budget is used up. */
    void acquire(ClientKey client) {
        clients.tryTake(client.value()).ifPresent(wait -> {
            throw new LookupsTooFrequent(Duration.ofSeconds(KeyedBuckets.retryAfterSeconds(wait)));
        });
    }

    /** True while {@code client} still has failed tries left for this invoice. */
    boolean mayTry(ClientKey client, String code, String number) {
        return failures.waitFor(failureKey(client, code, number)).isEmpty();
    }

    /** Records a lookup of this invoice by {@code client} that did not match. */
    void failed(ClientKey client, String code, String number) {
        failures.take(failureKey(client, code, number));
    }

    private static String failureKey(ClientKey client, String code, String number) {
        return client.value() + '|' + code + '|' + number;
    }
}
