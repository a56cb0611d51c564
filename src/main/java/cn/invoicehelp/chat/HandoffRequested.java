package cn.invoicehelp.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The bot handed a conversation over to a person. From now on the bot stays silent in it.
 *
 * @param transcript  what was said so far, oldest first (errors and typing hints left out)
 * @param card        the hand-off reply's card as the assistant sent it (e.g. the steps already done), or null
 */
public record HandoffRequested(UUID conversationId, List<Line> transcript, Map<String, Object> card,
                               Instant requestedAt) {

    /** One transcript line; {@code sender} is "user", "bot", "agent" or "system". */
    public record Line(String sender, String text, Instant createdAt) {
    }
}
