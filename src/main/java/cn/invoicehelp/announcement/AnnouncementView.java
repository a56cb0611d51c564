package cn.invoicehelp.announcement;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** An announcement as staff see it, with its state: SCHEDULED, ACTIVE or ENDED. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnnouncementView(long id, AnnouncementKind kind, AnnouncementLevel level, String title, String body,
        List<Affect> affects, Instant startsAt, Instant endsAt, Instant endedAt, String status, Long incidentId,
        String createdBy, Instant createdAt) {

    static AnnouncementView of(Announcement a, Instant now) {
        String status = a.ended(now) ? "ENDED" : a.isActive(now) ? "ACTIVE" : "SCHEDULED";
        ActiveAnnouncement v = a.view(null, null);
        return new AnnouncementView(v.id(), v.kind(), v.level(), v.title(), v.body(), v.affects(), v.startsAt(),
                v.endsAt(), a.endedAt() != null ? a.endedAt() : (a.ended(now) ? a.endsAt() : null), status,
                a.incidentId(), a.createdBy(), a.createdAt());
    }
}
