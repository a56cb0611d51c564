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

    /** OPEN: the bot answers. HANDOFF_PENDING: waiting for a person. AGENT: a person has it. Only OPEN lets the bot talk. */
    enum Status { OPEN, HANDOFF_PENDING, AGENT }

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
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "bot_while_waiting")
    private boolean botWhileWaiting;

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

    /**
     * The row as read under its lock by the event log (plain JDBC, see {@link EventLog}): a detached copy that the log
     * writes back itself; never saved through JPA (token hash, locale and creation time are not read).
     */
    static Conversation locked(UUID id, Status status, long lastSeq, boolean handoffNoticeSent, String pageUrl,
                               boolean botWhileWaiting, Instant updatedAt, Instant closedAt) {
        Conversation c = new Conversation();
        c.id = id;
        c.status = status;
        c.lastSeq = lastSeq;
        c.handoffNoticeSent = handoffNoticeSent;
        c.pageUrl = pageUrl;
        c.botWhileWaiting = botWhileWaiting;
        c.updatedAt = updatedAt;
        c.closedAt = closedAt;
        return c;
    }

    /** What the event log writes back: the fields an append may change. */
    record Changes(Status status, long lastSeq, boolean handoffNoticeSent, boolean botWhileWaiting, Instant updatedAt,
                   Instant closedAt) {
    }

    Changes changes() {
        return new Changes(status, lastSeq, handoffNoticeSent, botWhileWaiting, updatedAt, closedAt);
    }

    /** Hands out the next seq; callers hold the row lock, so two events never get the same number. */
    long nextSeq(Instant now) {
        updatedAt = now;
        return ++lastSeq;
    }

    void handoffRequested() {
        status = Status.HANDOFF_PENDING;
    }

    /** True while a person is awaited or talking: the bot stays silent. */
    boolean handoffPending() {
        return status != Status.OPEN;
    }

    /** True when a visitor's message gets a bot answer: open, or waiting with the report flow chosen. */
    boolean botWouldAnswer(boolean reportChosen) {
        return status == Status.OPEN || status == Status.HANDOFF_PENDING && (botWhileWaiting || reportChosen);
    }

    boolean waitingForAgent() {
        return status == Status.HANDOFF_PENDING;
    }

    void agentJoined() {
        status = Status.AGENT;
        botWhileWaiting = false;
    }

    /**
     * While waiting, the visitor chose to leave a message instead (the report flow): the bot talks to them until a
     * person takes the conversation. Returns whether the bot may answer this turn.
     */
    boolean botAnswersWhileWaiting(boolean reportChosen) {
        if (status != Status.HANDOFF_PENDING) {
            return false;
        }
        if (reportChosen) {
            botWhileWaiting = true;
        }
        return botWhileWaiting;
    }

    /** Back to the bot (released or closed); a later hand-off gets its "a person will reply" notice again. */
    void backToBot() {
        status = Status.OPEN;
        handoffNoticeSent = false;
        botWhileWaiting = false;
    }

    void closed(Instant now) {
        backToBot();
        closedAt = now;
    }

    Instant closedAt() {
        return closedAt;
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
