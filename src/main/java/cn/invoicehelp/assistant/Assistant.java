package cn.invoicehelp.assistant;

import java.util.List;
import java.util.UUID;

/**
 * The bot behind the chat. The chat module owns transport and the event log; the assistant owns understanding, flow
 * state (persisted per conversation, so it survives a restart) and the replies.
 */
public interface Assistant {

    /** Greeting and main menu for a new conversation. */
    List<Reply> greet(UUID conversationId);

    /** Replies to one user turn: free text or a quick-reply action (exactly one of them is non-null). */
    List<Reply> reply(UUID conversationId, String text, String action);
}
