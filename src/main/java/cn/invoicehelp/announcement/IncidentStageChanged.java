package cn.invoicehelp.announcement;

import java.time.Instant;
import java.util.List;

/**
 * An incident moved to another phase (or was opened: {@code from} is null). The linked fault reports move with it;
 * {@code message} is the public update posted with the change.
 */
public record IncidentStageChanged(long incidentId, String title, IncidentStage from, IncidentStage to,
        String message, List<String> trackingNumbers, Instant changedAt) {
}
