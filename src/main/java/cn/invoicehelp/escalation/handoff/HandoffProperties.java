package cn.invoicehelp.escalation.handoff;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** @param averageHandlingTime  how long one hand-off takes an agent on average; drives the estimated wait */
@ConfigurationProperties("helpdesk.handoff")
record HandoffProperties(Duration averageHandlingTime) {

    HandoffProperties {
        averageHandlingTime = averageHandlingTime == null ? Duration.ofMinutes(4) : averageHandlingTime;
    }
}
