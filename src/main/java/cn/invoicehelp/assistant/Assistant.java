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

    /** Client key of callers that know no client address (tools, tests): they all share one lookup budget. */
    String UNKNOWN_CLIENT = "unknown";

    /**
     * Replies to one user turn: free text or a quick-reply action (exactly one of them is non-null). {@code client}
     * is the visitor's address (the chat's WebSocket handshake); invoice lookups count against its per-client limit,
     * the same one the REST API applies.
     */
    List<Reply> reply(UUID conversationId, String text, String action, String client);

    /**
     * The same turn, computed without storing anything: the caller stores the replies and then calls
     * {@link #remember} inside the same transaction (the chat does both in its group commit). {@link #reply} is
     * {@code answer} followed by {@code remember}. The default suits an assistant that keeps no state.
     */
    default AssistantTurn answer(UUID conversationId, String text, String action, String client) {
        return AssistantTurn.withoutMemory(reply(conversationId, text, action, client));
    }

    /**
     * Writes what the turn keeps (state, unanswered questions) in the caller's transaction, if there is one. Fails
     * when the state was changed since {@link #answer} read it, so a stale turn is never stored over a newer one.
     */
    default void remember(AssistantTurn turn) {
    }

    /** A turn from a caller without a client address; see {@link #UNKNOWN_CLIENT}. */
    default List<Reply> reply(UUID conversationId, String text, String action) {
        return reply(conversationId, text, action, UNKNOWN_CLIENT);
    }
}
