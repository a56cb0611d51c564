package cn.invoicehelp.assistant;

import java.util.List;
import java.util.UUID;

/**
 * The assistant's answer to one turn, computed without writing anything, and what it has to keep of the turn. The
 * caller stores the replies and hands the turn to {@link Assistant#remember} in the same transaction, so the replies,
 * the assistant's state and the questions it could not answer are durable together or not at all.
 */
public record AssistantTurn(List<Reply> replies, Memory memory) {

    public AssistantTurn {
        replies = replies == null ? List.of() : List.copyOf(replies);
    }

    /** A turn of an assistant that keeps nothing. */
    public static AssistantTurn withoutMemory(List<Reply> replies) {
        return new AssistantTurn(replies, null);
    }

    /**
     * What the assistant keeps: its state after the turn (JSON), the version it was read at ({@code null}: none was
     * stored yet), the questions it could not answer, and whether the state differs from the stored one (most FAQ
     * answers change nothing, and an unchanged state is only checked, not written). Only the assistant reads it.
     */
    public record Memory(UUID conversationId, String stateJson, Long readVersion, List<String> unanswered,
            boolean stateChanged) {

        public Memory {
            unanswered = unanswered == null ? List.of() : List.copyOf(unanswered);
        }

        /** A state that may have changed (it is written). */
        public Memory(UUID conversationId, String stateJson, Long readVersion, List<String> unanswered) {
            this(conversationId, stateJson, readVersion, unanswered, true);
        }
    }
}
