package cn.invoicehelp.assistant;

import java.util.Optional;
import java.util.UUID;

/** Per-conversation assistant state. */
interface StateStore {

    Optional<ConversationState> load(UUID conversationId);

    void save(UUID conversationId, ConversationState state);
}
