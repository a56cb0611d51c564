package cn.invoicehelp.chat;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A conversation event as agents see it: every visitor-visible event (bot turns included) plus private notes
 * ({@code internal: true}, {@code type: "note"}, no seq of their own; {@code afterSeq} places them). The card and
 * quick replies are the wire JSON, shown as they were sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StaffEvent(Long seq, Long afterSeq, String type, String sender, String senderName, String text,
                         String clientMessageId, String action, List<Map<String, Object>> quickReplies,
                         Map<String, Object> card, boolean internal, Instant createdAt) {

    static StaffEvent of(EventView e, String clientMessageId) {
        return new StaffEvent(e.seq(), null, e.type(), e.sender(), e.senderName(), e.text(), clientMessageId,
                e.action(), e.quickReplies(), e.card(), false, e.createdAt());
    }
}
