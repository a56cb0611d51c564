package cn.invoicehelp.announcement;

import java.time.Instant;

/** An announcement is no longer in force (its window passed or staff ended it). */
public record AnnouncementEnded(long id, Instant endedAt) {
}
