package cn.invoicehelp.chat;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The wire form (senderName: the agent's display name on agent messages) of an event, identical on {@code /user/queue/events} and in the replay API. Null fields omitted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EventView(long seq, String type, String sender, String text, String clientMessageId, String action,
                 List<Map<String, Object>> quickReplies, Map<String, Object> card, Instant createdAt,
                 String senderName) {
}
