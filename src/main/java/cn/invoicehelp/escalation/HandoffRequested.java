package cn.invoicehelp.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A visitor asked for a person (or the bot gave up, or the report flow needs one). Published by the chat; the
 * escalation module queues the conversation for the agents. From now on the bot stays silent in it.
 *
 * @param reason         why: "user", "misses", "report", …
 * @param stepsDone      titles of the self-check steps already done, in order
 * @param invoiceFields  invoice fields the bot collected (field name → value; check code masked)
 * @param transcript     what was said so far, oldest first (errors and typing hints left out)
 * @param pageUrl        the page the visitor opened the chat on, or null
 */
public record HandoffRequested(UUID conversationId, String reason, List<String> stepsDone,
                               Map<String, String> invoiceFields, List<Line> transcript, String pageUrl,
                               Instant requestedAt) {

    public HandoffRequested {
        stepsDone = stepsDone == null ? List.of() : List.copyOf(stepsDone);
        invoiceFields = invoiceFields == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(invoiceFields));
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
    }

    /** One transcript line; {@code sender} is "user", "bot", "agent" or "system". */
    public record Line(String sender, String text, Instant createdAt) {
    }
}
