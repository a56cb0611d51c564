package cn.invoicehelp.assistant;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the state in the assistant_state table (Flyway V6). */
@Component
class JpaStateStore implements StateStore {

    private final AssistantStates states;

    JpaStateStore(AssistantStates states) {
        this.states = states;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ConversationState> load(UUID conversationId) {
        return states.findById(conversationId).map(row -> StateJson.read(row.state()));
    }

    @Override
    @Transactional
    public void save(UUID conversationId, ConversationState state) {
        StoredState row = states.findById(conversationId).orElseGet(() -> new StoredState(conversationId));
        row.update(StateJson.write(state));
        states.save(row);
    }
}
