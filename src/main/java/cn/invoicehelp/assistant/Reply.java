package cn.invoicehelp.assistant;

import java.util.List;

/**
 * One outgoing bot event. {@code type} follows the chat protocol ("message", "handoff", ...); {@code card} is the
 * typed card ({@code kind} plus its fields on the wire) or null.
 */
public record Reply(String type, String text, List<QuickReply> quickReplies, Card card) {

    public record QuickReply(String label, String action) {
    }

    /** True when this reply asks for a human: the chat stops calling the assistant until an agent takes over. */
    public boolean isHandoff() {
        return "handoff".equals(type);
    }
}
