package cn.invoicehelp.assistant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One row of assistant_state: the conversation's state as JSON. */
@Entity
@Table(name = "assistant_state")
class StoredState {

    @Id
    @Column(name = "conversation_id")
    private UUID conversationId;

    @Column(name = "state", nullable = false, columnDefinition = "TEXT")
    private String state;

    @Version
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StoredState() {
    }

    StoredState(UUID conversationId) {
        this.conversationId = conversationId;
    }

    String state() {
        return state;
    }

    void update(String json) {
        this.state = json;
        this.updatedAt = Instant.now();
    }
}
