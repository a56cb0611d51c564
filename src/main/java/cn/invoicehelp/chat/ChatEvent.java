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
