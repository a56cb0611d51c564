package cn.invoicehelp.escalation.report;

import cn.invoicehelp.escalation.FaultReportStage;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of fault reports ({@code helpdesk.fault-reports.*}).
 *
 * @param durations             planned length of each stage (2 h / 8 h / 12 h / 2 h)
 * @param filingsPerClient      reports one client address may file per {@code filingWindow}
 * @param wrongGuessesPerClient failed look-ups (unknown number or wrong contact) per client address and {@code guessWindow}
 * @param wrongGuessesPerNumber failed look-ups of one tracking number per {@code guessWindow}, from anywhere
 * @param maxBodyBytes          request bodies larger than this are refused before they are read
 */
@ConfigurationProperties("helpdesk.fault-reports")
record FaultReportProperties(Durations durations, Integer filingsPerClient, Duration filingWindow,
                             Integer wrongGuessesPerClient, Integer wrongGuessesPerNumber, Duration guessWindow,
                             Integer maxBodyBytes) {

    record Durations(Duration confirming, Duration repairing, Duration testing, Duration notifying) {

        Durations {
            confirming = positive(confirming, Duration.ofHours(2), "confirming");
            repairing = positive(repairing, Duration.ofHours(8), "repairing");
            testing = positive(testing, Duration.ofHours(12), "testing");
            notifying = positive(notifying, Duration.ofHours(2), "notifying");
        }

        Duration of(FaultReportStage stage) {
            return switch (stage) {
                case CONFIRMING -> confirming;
                case REPAIRING -> repairing;
                case TESTING -> testing;
                case NOTIFYING -> notifying;
                case CLOSED -> null;
            };
        }

        private static Duration positive(Duration value, Duration absent, String name) {
            if (value == null) {
                return absent;
            }
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("helpdesk.fault-reports.durations." + name
                        + " must be a positive duration such as 2h, not " + value);
            }
            return value;
        }
    }

    FaultReportProperties {
        durations = durations == null ? new Durations(null, null, null, null) : durations;
        filingsPerClient = atLeastOne(filingsPerClient, 10, "filings-per-client");
        filingWindow = filingWindow == null ? Duration.ofHours(1) : filingWindow;
        wrongGuessesPerClient = atLeastOne(wrongGuessesPerClient, 20, "wrong-guesses-per-client");
        wrongGuessesPerNumber = atLeastOne(wrongGuessesPerNumber, 5, "wrong-guesses-per-number");
        guessWindow = guessWindow == null ? Duration.ofMinutes(15) : guessWindow;
        maxBodyBytes = atLeastOne(maxBodyBytes, 64 * 1024, "max-body-bytes");
    }

    private static Integer atLeastOne(Integer value, int absent, String name) {
        if (value == null) {
            return absent;
        }
        if (value < 1) {
            throw new IllegalArgumentException("helpdesk.fault-reports." + name + " must be at least 1, not " + value);
        }
        return value;
    }
}
