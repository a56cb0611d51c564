package cn.invoicehelp.assistant.state;

import cn.invoicehelp.assistant.AssistantTurn;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the state in the assistant_state table (Flyway V6) with plain JDBC: one read per turn, one write inside the
 * caller's transaction (the chat's group commit), guarded by the row's version.
 */
@Component
class JdbcStateStore implements StateStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcStateStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<ConversationState> load(UUID conversationId) {
        return Optional.ofNullable(jdbc.query("SELECT state, version FROM assistant_state WHERE conversation_id = ?",
                rs -> {
                    if (!rs.next()) {
                        return null;
                    }
                    String json = rs.getString(1);
                    ConversationState state = StateJson.read(json);
                    state.stored(rs.getLong(2), json);
                    return state;
                }, conversationId));
    }

    @Override
    public void save(AssistantTurn.Memory memory) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (memory.readVersion() == null) {
            jdbc.update("INSERT INTO assistant_state (conversation_id, state, version, updated_at) VALUES (?, ?, 0, ?)",
                    memory.conversationId(), memory.stateJson(), now);
            return;
        }
        if (!memory.stateChanged()) {
            // Nothing to write, but the turn still has to be refused if another turn changed the state meanwhile.
            Long stored = jdbc.query("SELECT version FROM assistant_state WHERE conversation_id = ?",
                    rs -> rs.next() ? rs.getLong(1) : null, memory.conversationId());
            if (!memory.readVersion().equals(stored)) {
                throw new OptimisticLockingFailureException("assistant state of conversation "
                        + memory.conversationId() + " changed after version " + memory.readVersion());
            }
            return;
        }
        int updated = jdbc.update("UPDATE assistant_state SET state = ?, version = version + 1, updated_at = ? "
                + "WHERE conversation_id = ? AND version = ?", memory.stateJson(), now, memory.conversationId(),
                memory.readVersion());
        if (updated == 0) {
            throw new OptimisticLockingFailureException("assistant state of conversation " + memory.conversationId()
                    + " changed after version " + memory.readVersion());
        }
    }
}
