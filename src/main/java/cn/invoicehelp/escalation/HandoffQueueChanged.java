package cn.invoicehelp.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Someone left the waiting line (claimed): the new place of everyone still waiting. */
public record HandoffQueueChanged(List<Place> waiting, Instant at) {

    public HandoffQueueChanged {
        waiting = List.copyOf(waiting);
    }

    public record Place(UUID conversationId, int position, long estimatedWaitSeconds) {
    }
}
