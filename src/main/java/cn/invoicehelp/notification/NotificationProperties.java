package cn.invoicehelp.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code helpdesk.notification.*}: sender address, the public address used in links, retry policy.
 *
 * @param mailFrom     From: address of the e-mails
 * @param baseUrl      public address of this site, for unsubscribe links
 * @param firstRetry   wait after the first failed send; doubled after each further failure
 * @param maxRetry     longest wait between two attempts
 * @param maxAttempts  attempts before a delivery is marked FAILED (admins see it and can retry it)
 * @param claimLease   how long a sender's claim on a delivery holds; a node that stops mid-send leaves its claim,
 *                     and another node sends the message once it has run out (longer than any SMTP/SMS timeout)
 */
@ConfigurationProperties("helpdesk.notification")
record NotificationProperties(String mailFrom, String baseUrl, Duration firstRetry, Duration maxRetry,
        Integer maxAttempts, Duration claimLease) {

    NotificationProperties {
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "noreply@invoicehelp.local" : mailFrom;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        firstRetry = firstRetry == null ? Duration.ofMinutes(1) : firstRetry;
        maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        claimLease = claimLease == null ? Duration.ofMinutes(5) : claimLease;
    }
}
