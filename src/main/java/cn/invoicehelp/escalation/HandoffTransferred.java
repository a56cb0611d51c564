package cn.invoicehelp.escalation;

import java.time.Instant;
import java.util.UUID;

/** The conversation moved from one agent to another. */
public record HandoffTransferred(UUID conversationId, Agent from, Agent to, Instant at) {
}
