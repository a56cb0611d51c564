package cn.invoicehelp.escalation;

import java.time.Instant;
import java.util.UUID;

/** A new fault report was filed; {@code conversationId} is set when it came from (or names) a chat conversation. */
public record FaultReportFiled(String trackingNumber, UUID conversationId, FaultReportStage stage, Instant dueAt,
                               Instant filedAt) {
}
