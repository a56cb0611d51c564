package cn.invoicehelp.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One stored event of a conversation's log; quick replies and card are kept as the JSON the client receives. */
@Entity
@Table(name = "chat_event")
class ChatEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "conversation_id")
    private UUID conversationId;
    private long seq;
    private String type;
    private String sender;
    private String text;
    @Column(name = "client_message_id")
    private String clientMessageId;
    @Column(name = "ref_client_message_id")
    private String refClientMessageId;
    private String action;
    @Column(name = "quick_replies")
    private String quickReplies;
    private String card;
    private boolean answered;
    @Column(name = "sender_name")
    private String senderName;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ChatEvent() {
    }

    ChatEvent(UUID conversationId, long seq, NewEvent e, Instant createdAt) {
        this(conversationId, seq, e, createdAt, false);
    }

    ChatEvent(UUID conversationId, long seq, NewEvent e, Instant createdAt, boolean answered) {
        this.conversationId = conversationId;
        this.seq = seq;
        this.type = e.type();
        this.sender = e.sender();
        this.text = e.text();
        this.clientMessageId = e.userEcho() ? e.clientMessageId() : null;
        this.refClientMessageId = e.userEcho() ? null : e.clientMessageId();
        this.action = e.action();
        this.quickReplies = e.quickRepliesJson();
        this.card = e.cardJson();
        this.createdAt = createdAt;
        this.senderName = e.senderName();
        this.answered = answered;
    }

    /** A row read with plain JDBC (the event log's own reads and writes bypass the persistence context). */
    static ChatEvent row(Long id, UUID conversationId, long seq, String type, String sender, String text,
                         String clientMessageId, String refClientMessageId, String action, String quickReplies,
                         String card, boolean answered, String senderName, Instant createdAt) {
        ChatEvent e = new ChatEvent();
        e.id = id;
        e.conversationId = conversationId;
        e.seq = seq;
        e.type = type;
        e.sender = sender;
        e.text = text;
        e.clientMessageId = clientMessageId;
        e.refClientMessageId = refClientMessageId;
        e.action = action;
        e.quickReplies = quickReplies;
        e.card = card;
        e.answered = answered;
        e.senderName = senderName;
        e.createdAt = createdAt;
        return e;
    }

    /** The stored columns, in the order of {@link EventLog}'s insert. */
    Object[] columns() {
        return new Object[] {conversationId, seq, type, sender, text, clientMessageId, refClientMessageId, action,
                quickReplies, card, answered, senderName,
                java.time.OffsetDateTime.ofInstant(createdAt, java.time.ZoneOffset.UTC)};
    }

    String senderName() {
        return senderName;
    }

    boolean isAnswered() {
        return answered;
    }

    Long id() {
        return id;
    }

    UUID conversationId() {
        return conversationId;
    }

    long seq() {
        return seq;
    }

    String type() {
        return type;
    }

    String sender() {
        return sender;
    }

    String text() {
        return text;
    }

    String clientMessageId() {
        return clientMessageId != null ? clientMessageId : refClientMessageId;
    }

    String action() {
        return action;
    }

    String quickReplies() {
        return quickReplies;
    }

    String card() {
        return card;
    }

    Instant createdAt() {
        return createdAt;
    }
}
