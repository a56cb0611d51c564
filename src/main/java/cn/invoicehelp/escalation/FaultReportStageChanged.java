package cn.invoicehelp.escalation;

import java.time.Instant;
import java.util.UUID;

/**
 * Staff moved a fault report to another stage or added a public note ({@code from == to}). Carries no contact:
 * a listener that must reach the visitor asks {@link FaultReporting#contactOf(String)}.
 *
 * @param conversationId the chat conversation the report came from, or null
 * @param dueAt          due time of the stage now current (null once CLOSED)
 * @param publicNote     the note the visitor sees, or null
 */
public record FaultReportStageChanged(String trackingNumber, UUID conversationId, FaultReportStage from,
                                      FaultReportStage to, Instant dueAt, String publicNote, Instant changedAt) {

    public String stageLabel() {
        return to.label();
    }
}
