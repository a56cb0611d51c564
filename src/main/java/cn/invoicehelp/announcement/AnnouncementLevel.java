package cn.invoicehelp.announcement;

/** How loudly an announcement is shown. */
public enum AnnouncementLevel {
    INFO, WARNING, CRITICAL
}
