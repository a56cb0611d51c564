package cn.invoicehelp.escalation;

import java.util.UUID;

/** A hand-off is not in the state the action needs (e.g. another agent claimed it first). */
public class HandoffConflict extends RuntimeException {

    private final UUID conversationId;
    private final String status;
    private final String claimedBy;
    private final String claimedByName;

    public HandoffConflict(UUID conversationId, String status, String claimedBy, String claimedByName) {
        super("hand-off " + conversationId + " is " + status);
        this.conversationId = conversationId;
        this.status = status;
        this.claimedBy = claimedBy;
        this.claimedByName = claimedByName;
    }

    public UUID conversationId() {
        return conversationId;
    }

    /** WAITING, CLAIMED, RELEASED or CLOSED. */
    public String status() {
        return status;
    }

    public String claimedBy() {
        return claimedBy;
    }

    public String claimedByName() {
        return claimedByName;
    }
}
