package cn.invoicehelp.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One visitor conversation: who may read it (token hash), where it stands and the last seq handed out. */
@Entity
@Table(name = "chat_conversation")
class Conversation {

    enum Status { OPEN, HANDOFF_PENDING }

    @Id
    private UUID id;
    @Column(name = "token_hash", nullable = false)
    private String tokenHash;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "last_seq")
    private long lastSeq;
    @Column(name = "handoff_notice_sent")
    private boolean handoffNoticeSent;
    @Column(name = "page_url")
    private String pageUrl;
    private String locale;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Conversation() {
    }

    Conversation(UUID id, String tokenHash, String pageUrl, String locale, Instant now) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.status = Status.OPEN;
        this.pageUrl = pageUrl;
        this.locale = locale;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Hands out the next seq; callers hold the row lock, so two events never get the same number. */
    long nextSeq(Instant now) {
        updatedAt = now;
        return ++lastSeq;
    }

    void handoffRequested() {
        status = Status.HANDOFF_PENDING;
    }

    boolean handoffPending() {
        return status == Status.HANDOFF_PENDING;
    }

    /** True the first time only: a waiting visitor gets one "a person will reply" notice, not one per message. */
    boolean takeHandoffNotice() {
        if (handoffNoticeSent) {
            return false;
        }
        handoffNoticeSent = true;
        return true;
    }

    UUID id() {
        return id;
    }

    Status status() {
        return status;
    }

    String pageUrl() {
        return pageUrl;
    }

    long lastSeq() {
        return lastSeq;
    }
}
