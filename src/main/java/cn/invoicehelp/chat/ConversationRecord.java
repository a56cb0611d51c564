package cn.invoicehelp.chat;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything the console shows about a conversation.
 *
 * @param status   OPEN (the bot answers), HANDOFF_PENDING (waiting for a person) or AGENT (a person has it)
 * @param events   the whole transcript with bot turns and private notes, oldest first
 * @param lookups  the invoice lookups the bot made, with their results
 * @param rating   the visitor's rating after a close, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversationRecord(UUID conversationId, String pageUrl, String status, Instant closedAt,
                                 List<StaffEvent> events, List<Lookup> lookups, Rating rating) {

    /** One invoice lookup result as the bot showed it. */
    public record Lookup(long seq, String result, String status, String message, Instant at) {
    }

    public record Rating(int score, String comment) {
    }
}
