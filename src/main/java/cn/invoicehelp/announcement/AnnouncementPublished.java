package cn.invoicehelp.announcement;

/** An announcement came into force or changed while in force (same id: replace what is shown). */
public record AnnouncementPublished(ActiveAnnouncement announcement) {
}
