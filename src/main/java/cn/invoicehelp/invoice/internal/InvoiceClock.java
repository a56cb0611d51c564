package cn.invoicehelp.invoice.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** "Today" for invoices is the date in Beijing, whatever the server's zone; tests replace the clock. */
@Configuration
class InvoiceClock {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(BEIJING);
    }
}
