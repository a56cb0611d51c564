package cn.invoicehelp.assistant.state;

import cn.invoicehelp.assistant.AssistantTurn;
import cn.invoicehelp.support.ClockedAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The assistant's memory in its table: versions guard every turn, an unchanged state is checked but not rewritten. */
@ClockedAppTest
class JdbcStateStoreTests {

    @Autowired
    JdbcStateStore states;
    @Autowired
    JdbcTemplate jdbc;

    private final UUID conversation = UUID.randomUUID();

    private AssistantTurn.Memory after(ConversationState read, ConversationState changed) {
        String json = StateJson.write(changed);
        return new AssistantTurn.Memory(conversation, json, read.storedVersion(), List.of(),
                read.differsFromStored(json));
    }

    private long version() {
        return jdbc.queryForObject("SELECT version FROM assistant_state WHERE conversation_id = ?", Long.class,
                conversation);
    }

    @Test
    void aTurnThatChangesNothingLeavesTheStoredStateAsItWas() {
        ConversationState first = new ConversationState();
        first.setMisses(2);
        states.save(after(first, first));
        ConversationState read = states.load(conversation).orElseThrow();

        states.save(after(read, read));

        assertThat(version()).isZero();
        assertThat(states.load(conversation).orElseThrow().getMisses()).isEqualTo(2);
    }

    @Test
    void aTurnReadBeforeAnotherTurnsWriteIsRefusedWhetherItChangedTheStateOrNot() {
        states.save(after(new ConversationState(), new ConversationState()));
        ConversationState slow = states.load(conversation).orElseThrow();
        ConversationState fast = states.load(conversation).orElseThrow();
        ConversationState changed = states.load(conversation).orElseThrow();
        changed.setMisses(1);
        states.save(after(fast, changed));

        assertThatThrownBy(() -> states.save(after(slow, slow))).isInstanceOf(OptimisticLockingFailureException.class);
        ConversationState alsoChanged = states.load(conversation).orElseThrow();
        alsoChanged.setMisses(5);
        assertThatThrownBy(() -> states.save(after(slow, alsoChanged)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(states.load(conversation).orElseThrow().getMisses()).isEqualTo(1);
        assertThat(version()).isEqualTo(1);
    }
}
