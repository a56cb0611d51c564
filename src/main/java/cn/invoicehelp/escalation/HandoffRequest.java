package cn.invoicehelp.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A conversation waiting for a person: the transcript and what the bot already tried, as JSON. */
@Entity
@Table(name = "handoff_request")
class HandoffRequest {

    static final String WAITING = "WAITING";

    @Id
    private UUID id;
    @Column(name = "conversation_id")
    private UUID conversationId;
    private String transcript;
    @Column(name = "steps_done")
    private String stepsDone;
    private String status;
    @Column(name = "created_at")
    private Instant createdAt;

    protected HandoffRequest() {
    }

    HandoffRequest(UUID conversationId, String transcript, String stepsDone, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.conversationId = conversationId;
        this.transcript = transcript;
        this.stepsDone = stepsDone;
        this.status = WAITING;
        this.createdAt = createdAt;
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

    String status() {
        return status;
    }
}
