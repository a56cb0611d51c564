package cn.invoicehelp.assistant;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Keeps the state as JSON, like the table does, so a new assistant over the same map resumes. */
class MemoryStates implements StateStore {

    final Map<UUID, String> json = new HashMap<>();

    @Override
    public Optional<ConversationState> load(UUID id) {
        return Optional.ofNullable(json.get(id)).map(StateJson::read);
    }

    @Override
    public void save(UUID id, ConversationState state) {
        json.put(id, StateJson.write(state));
    }
}
