package cn.invoicehelp.escalation.handoff;

import cn.invoicehelp.escalation.Agent;
import cn.invoicehelp.escalation.HandoffConflict;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation handed to a person. It guards its own life cycle: WAITING → CLAIMED (→ transferred, still CLAIMED)
 * → RELEASED (back to the bot) or CLOSED. The version column makes two concurrent claims collide in the database:
 * exactly one UPDATE matches, the other fails.
 */
@Entity
@Table(name = "handoff_request")
class HandoffRequest {

    enum Status { WAITING, CLAIMED, RELEASED, CLOSED }

    @Id
    private UUID id;
    @Column(name = "conversation_id")
    private UUID conversationId;
    private String transcript;
    @Column(name = "steps_done")
    private String stepsDone;
    private String reason;
    @Column(name = "invoice_fields")
    private String invoiceFields;
    @Column(name = "page_url")
    private String pageUrl;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "claimed_by")
    private String claimedBy;
    @Column(name = "claimed_by_name")
    private String claimedByName;
    @Column(name = "claimed_at")
    private Instant claimedAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Version
    private long version;

    protected HandoffRequest() {
    }

    HandoffRequest(UUID conversationId, String reason, String transcript, String stepsDone, String invoiceFields,
                   String pageUrl, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.conversationId = conversationId;
        this.reason = reason;
        this.transcript = transcript;
        this.stepsDone = stepsDone;
        this.invoiceFields = invoiceFields;
        this.pageUrl = pageUrl;
        this.status = Status.WAITING;
        this.createdAt = createdAt;
    }

    void claim(Agent agent, Instant now) {
        if (status != Status.WAITING) {
            throw conflict();
        }
        status = Status.CLAIMED;
        claimedBy = agent.username();
        claimedByName = agent.displayName();
        claimedAt = now;
    }

    void transfer(Agent by, Agent to, boolean override) {
        requireHeldBy(by, override);
        claimedBy = to.username();
        claimedByName = to.displayName();
    }

    void release(Agent by, boolean override, Instant now) {
        requireHeldBy(by, override);
        status = Status.RELEASED;
        endedAt = now;
    }

    void close(Agent by, boolean override, Instant now) {
        requireHeldBy(by, override);
        status = Status.CLOSED;
        endedAt = now;
    }

    private void requireHeldBy(Agent agent, boolean override) {
        if (status != Status.CLAIMED || !(override || agent.username().equals(claimedBy))) {
            throw conflict();
        }
    }

    private HandoffConflict conflict() {
        return new HandoffConflict(conversationId, status.name(), claimedBy, claimedByName);
    }

    boolean active() {
        return status == Status.WAITING || status == Status.CLAIMED;
    }

    UUID id() {
        return id;
    }

    UUID conversationId() {
        return conversationId;
    }

    String transcript() {
        return transcript;
    }

    String stepsDone() {
        return stepsDone;
    }

    String reason() {
        return reason;
    }

    String invoiceFields() {
        return invoiceFields;
    }

    String pageUrl() {
        return pageUrl;
    }

    Status status() {
        return status;
    }

    Instant createdAt() {
        return createdAt;
    }

    String claimedBy() {
        return claimedBy;
    }

    String claimedByName() {
        return claimedByName;
    }

    Instant claimedAt() {
        return claimedAt;
    }
}
