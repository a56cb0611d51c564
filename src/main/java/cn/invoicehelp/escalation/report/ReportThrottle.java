package cn.invoicehelp.escalation.report;

import cn.invoicehelp.limits.KeyedBuckets;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets (Bucket4j, timed by the application clock) for filing per client address, and for failed look-ups
 * per client address and per tracking number: guessing numbers or contacts soon stops paying off.
 */
@Component
public class ReportThrottle {

    private static final int MAX_KEYS = 50_000;

    private final KeyedBuckets<String> filings;
    private final KeyedBuckets<String> guessesByClient;
    private final KeyedBuckets<String> guessesByNumber;

    ReportThrottle(FaultReportProperties properties, Clock clock) {
        this.filings = KeyedBuckets.refillingEvenly(properties.filingsPerClient(), properties.filingWindow(), clock,
                MAX_KEYS);
        this.guessesByClient = KeyedBuckets.refillingEvenly(properties.wrongGuessesPerClient(),
                properties.guessWindow(), clock, MAX_KEYS);
        this.guessesByNumber = KeyedBuckets.refillingEvenly(properties.wrongGuessesPerNumber(),
                properties.guessWindow(), clock, MAX_KEYS);
    }

    /** Counts one filing; empty when allowed, else how long the client must wait. */
    public Optional<Duration> tryFiling(String client) {
        return filings.tryTake(key(client)).map(ReportThrottle::atLeastASecond);
    }

    /** Empty when this client may look a report up now (counts nothing). */
    public Optional<Duration> clientBlocked(String client) {
        return guessesByClient.waitFor(key(client)).map(ReportThrottle::atLeastASecond);
    }

    /** Empty when this tracking number may be looked up now (counts nothing). */
    Optional<Duration> numberBlocked(String number) {
        return guessesByNumber.waitFor(key(number)).map(ReportThrottle::atLeastASecond);
    }

    /** Counts a failed look-up (unknown number or wrong contact) of this client. */
    public void wrongGuessByClient(String client) {
        guessesByClient.take(key(client));
    }

    /** Counts a failed look-up of this number, whoever made it. */
    void wrongGuessOfNumber(String number) {
        guessesByNumber.take(key(number));
    }

    private static String key(String key) {
        return key == null ? "" : key;
    }

    private static Duration atLeastASecond(Duration wait) {
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }
}
