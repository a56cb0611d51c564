package cn.invoicehelp.assistant;

import java.util.List;
import java.util.Map;

/**
 * One outgoing bot event. {@code type} follows the chat protocol ("message", "handoff", ...); {@code card} is the
 * protocol's card object ({@code kind} plus its fields) or null.
 */
public record Reply(String type, String text, List<QuickReply> quickReplies, Map<String, Object> card) {

    public record QuickReply(String label, String action) {
    }

    /** True when this reply asks for a human: the chat stops calling the assistant until an agent takes over. */
    public boolean isHandoff() {
        return "handoff".equals(type);
    }
}
