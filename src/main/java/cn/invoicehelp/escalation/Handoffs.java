package cn.invoicehelp.escalation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The hand-off queue: what waits, who has what, and the guarded moves (claim, transfer, release, close). Every move
 * publishes an event the chat turns into what the visitor sees.
 */
public interface Handoffs {

    /** Waiting (oldest first, with their place in line) then claimed conversations. */
    List<HandoffView> active();

    /** The conversation's current hand-off, or its latest one. */
    Optional<HandoffView> find(UUID conversationId);

    /** Exactly one of several agents claiming at once wins; the others get a {@link HandoffConflict}. */
    HandoffView claim(UUID conversationId, Agent agent);

    HandoffView transfer(UUID conversationId, Agent by, Agent to, boolean override);

    HandoffView release(UUID conversationId, Agent by, boolean override);

    HandoffView close(UUID conversationId, Agent by, boolean override);

    /** No hand-off for this conversation. */
    class HandoffNotFound extends RuntimeException {
        public HandoffNotFound(UUID conversationId) {
            super("no hand-off for " + conversationId);
        }
    }
}
