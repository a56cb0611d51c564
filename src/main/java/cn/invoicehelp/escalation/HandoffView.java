package cn.invoicehelp.escalation;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A hand-off as agents see it.
 *
 * @param status    WAITING, CLAIMED, RELEASED or CLOSED
 * @param position  1 = next in line; null unless WAITING
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HandoffView(UUID conversationId, String status, Instant waitingSince, Integer position, String reason,
                          String claimedBy, String claimedByName, Instant claimedAt, List<String> stepsDone,
                          Map<String, String> invoiceFields, String pageUrl) {
}
