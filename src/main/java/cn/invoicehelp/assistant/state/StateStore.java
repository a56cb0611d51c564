package cn.invoicehelp.assistant.state;

import cn.invoicehelp.assistant.AssistantTurn;
import java.util.Optional;
import java.util.UUID;

/** Per-conversation assistant state. */
public interface StateStore {

    /** The stored state with {@link ConversationState#storedVersion()} set, or empty. */
    Optional<ConversationState> load(UUID conversationId);

    /** Stores the state of a turn in the caller's transaction; fails if another write came in between. */
    void save(AssistantTurn.Memory memory);
}
