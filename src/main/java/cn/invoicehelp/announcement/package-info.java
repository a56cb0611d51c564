/**
 * Announcements and incidents: maintenance windows, fault bulletins and recovery notices that are in force now, and
 * incidents that group fault reports sharing a cause and move them through the four-phase timeline. Other modules
 * read {@link cn.invoicehelp.announcement.AnnouncementBoard} and listen to
 * {@link cn.invoicehelp.announcement.AnnouncementPublished}, {@link cn.invoicehelp.announcement.AnnouncementEnded} and
 * {@link cn.invoicehelp.announcement.IncidentStageChanged}.
 */
@org.springframework.modulith.ApplicationModule
package cn.invoicehelp.announcement;
