package cn.invoicehelp.escalation;

import java.time.Instant;
import java.util.UUID;

/** The agent handed the conversation back to the bot. */
public record HandoffReleased(UUID conversationId, Agent agent, Instant at) {
}
