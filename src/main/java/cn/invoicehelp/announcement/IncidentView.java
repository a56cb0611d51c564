package cn.invoicehelp.announcement;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * An incident with its public timeline. {@code trackingNumbers} (the linked fault reports) is only filled for staff.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentView(long id, String title, String summary, AnnouncementLevel level, List<Affect> affects,
        IncidentStage stage, String stageLabel, IncidentStage nextStage, Instant openedAt, Instant stageChangedAt,
        Instant stageDeadline, Instant expectedRestore, Instant closedAt, List<String> trackingNumbers,
        List<Update> updates) {

    /** One public update. */
    public record Update(IncidentStage stage, String stageLabel, String message, Instant postedAt) {
    }
}
