package cn.invoicehelp.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An agent's private note: stored apart from the visitor's event log, so no replay can ever return it. */
@Entity
@Table(name = "chat_note")
class ChatNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "conversation_id")
    private UUID conversationId;
    @Column(name = "after_seq")
    private long afterSeq;
    private String author;
    @Column(name = "author_name")
    private String authorName;
    private String text;
    @Column(name = "client_message_id")
    private String clientMessageId;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ChatNote() {
    }

    ChatNote(UUID conversationId, long afterSeq, String author, String authorName, String text,
             String clientMessageId, Instant createdAt) {
        this.conversationId = conversationId;
        this.afterSeq = afterSeq;
        this.author = author;
        this.authorName = authorName;
        this.text = text;
        this.clientMessageId = clientMessageId;
        this.createdAt = createdAt;
    }

    StaffEvent view() {
        return new StaffEvent(null, afterSeq, "note", "agent", authorName, text, clientMessageId, null, null, null,
                true, createdAt);
    }

    long afterSeq() {
        return afterSeq;
    }
}
