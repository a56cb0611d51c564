package cn.invoicehelp.announcement;

import java.time.Instant;

/** A fault report was linked to an incident: from now on it moves with the incident, starting at {@code stage}. */
public record IncidentReportLinked(long incidentId, String trackingNumber, IncidentStage stage, Instant linkedAt) {
}
