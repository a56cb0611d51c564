package cn.invoicehelp.escalation;

import java.time.Instant;
import java.util.UUID;

/** An agent took the conversation; the bot stays silent while they have it. */
public record HandoffClaimed(UUID conversationId, Agent agent, Instant at) {
}
