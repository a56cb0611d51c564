package cn.invoicehelp.escalation;

import java.time.Instant;
import java.util.UUID;

/** The agent closed the conversation (the visitor is asked for a rating). */
public record HandoffClosed(UUID conversationId, Agent agent, Instant at) {
}
