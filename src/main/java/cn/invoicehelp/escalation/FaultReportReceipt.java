package cn.invoicehelp.escalation;

import java.time.Instant;

/** What the visitor gets back when a report is filed (also the chat's {@code report} card). */
public record FaultReportReceipt(String trackingNumber, FaultReportStage stage, String stageLabel, Instant dueAt) {
}
