package cn.invoicehelp.chat;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The wire form of an event, identical on {@code /user/queue/events} and in the replay API. Null fields omitted.
 * Only the transient {@code typing} hint has no {@code seq}: it is never stored and never replayed.
 * {@code senderName}: the agent's display name on agent messages.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventView(Long seq, String type, String sender, String text, String clientMessageId, String action,
                 List<Map<String, Object>> quickReplies, Map<String, Object> card, Instant createdAt,
                 String senderName) {

    /** "The bot is working on an answer": live only, so a reconnecting client never sees a stale hint. */
    static EventView typing(String sender, Instant now) {
        return new EventView(null, "typing", sender, null, null, null, null, null, now, null);
    }
}
