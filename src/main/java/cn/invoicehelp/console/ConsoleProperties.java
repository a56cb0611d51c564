package cn.invoicehelp.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Sign-in limits.
 *
 * @param maxFailuresPerAccount  failed logins of one account within {@code failureWindow} before it is locked out
 * @param maxFailuresPerAddress  failed logins from one client address within the window (any accounts)
 * @param failureWindow          how far back failures count; a lock-out lasts until the oldest one leaves it
 */
@ConfigurationProperties("helpdesk.console.login")
record ConsoleProperties(Integer maxFailuresPerAccount, Integer maxFailuresPerAddress, Duration failureWindow) {

    ConsoleProperties {
        maxFailuresPerAccount = maxFailuresPerAccount == null ? 5 : maxFailuresPerAccount;
        maxFailuresPerAddress = maxFailuresPerAddress == null ? 20 : maxFailuresPerAddress;
        failureWindow = failureWindow == null ? Duration.ofMinutes(15) : failureWindow;
    }
}
