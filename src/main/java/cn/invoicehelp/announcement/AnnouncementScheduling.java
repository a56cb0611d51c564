package cn.invoicehelp.announcement;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Timers: scheduled windows are pushed to open conversations when they start and end. */
@Configuration
@EnableScheduling
class AnnouncementScheduling {
}
