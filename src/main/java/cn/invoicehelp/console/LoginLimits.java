package cn.invoicehelp.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Throttling of failed sign-ins ({@link LoginThrottle}).
 *
 * @param accountFailures failed sign-ins of one account per window before it is locked
 * @param addressFailures failed sign-ins from one client address per window before it is locked
 * @param window          how long failures are remembered; a locked key gets one attempt per window / failures
 */
@ConfigurationProperties("helpdesk.login")
record LoginLimits(Integer accountFailures, Integer addressFailures, Duration window) {

    LoginLimits {
        accountFailures = accountFailures == null ? 5 : accountFailures;
        addressFailures = addressFailures == null ? 20 : addressFailures;
        window = window == null ? Duration.ofMinutes(15) : window;
    }
}
