package cn.invoicehelp.announcement;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * An announcement as the public sees it. Text fields are plain text: whoever shows them renders them as text.
 * {@code expectedEnd} is when the affected functions should work again (the window's end, or for an incident the end
 * of its testing phase as planned); null when nobody can say.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActiveAnnouncement(long id, AnnouncementKind kind, AnnouncementLevel level, String title, String body,
        List<Affect> affects, Instant startsAt, Instant endsAt, IncidentStage incidentStage, Long incidentId,
        Instant expectedEnd) {

    /** Maintenance and incidents stop work; notices and recovery notices do not. */
    public boolean disruptive() {
        return kind == AnnouncementKind.MAINTENANCE
                || (kind == AnnouncementKind.INCIDENT && (incidentStage == null || !incidentStage.serviceRestored()));
    }
}
