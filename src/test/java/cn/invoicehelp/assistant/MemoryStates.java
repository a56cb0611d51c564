package cn.invoicehelp.assistant;

import cn.invoicehelp.assistant.state.ConversationState;
import cn.invoicehelp.assistant.state.StateStore;
import cn.invoicehelp.assistant.state.StateJson;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Keeps the state as JSON with a version, like the table does, so a new assistant over the same map resumes. */
class MemoryStates implements StateStore {

    final Map<UUID, String> json = new HashMap<>();
    final Map<UUID, Long> versions = new HashMap<>();

    @Override
    public Optional<ConversationState> load(UUID id) {
        return Optional.ofNullable(json.get(id)).map(stored -> {
            ConversationState state = StateJson.read(stored);
            state.stored(versions.get(id), stored);
            return state;
        });
    }

    @Override
    public void save(AssistantTurn.Memory memory) {
        Long current = versions.get(memory.conversationId());
        if (!java.util.Objects.equals(current, memory.readVersion())) {
            throw new IllegalStateException("stale state");
        }
        if (memory.stateChanged()) {
            json.put(memory.conversationId(), memory.stateJson());
            versions.put(memory.conversationId(), current == null ? 0 : current + 1);
        }
    }
}
