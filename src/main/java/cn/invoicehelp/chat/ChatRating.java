package cn.invoicehelp.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The visitor's rating of a closed conversation; one per conversation (primary key). */
@Entity
@Table(name = "chat_rating")
class ChatRating {

    @Id
    @Column(name = "conversation_id")
    private UUID conversationId;
    private int score;
    private String comment;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ChatRating() {
    }

    ChatRating(UUID conversationId, int score, String comment, Instant createdAt) {
        this.conversationId = conversationId;
        this.score = score;
        this.comment = comment;
        this.createdAt = createdAt;
    }

    int score() {
        return score;
    }

    String comment() {
        return comment;
    }
}
