package cn.invoicehelp.escalation;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation entered the queue.
 *
 * @param position              1 = next in line
 * @param estimatedWaitSeconds  rough wait from the position, the agents online and the average handling time
 * @param availability          whether someone can answer now; the hand-off is queued either way
 */
public record HandoffQueued(UUID conversationId, int position, long estimatedWaitSeconds, Availability availability,
                            Instant at) {

    public enum Availability { OPEN, OUTSIDE_HOURS, NO_AGENT_ONLINE }
}
