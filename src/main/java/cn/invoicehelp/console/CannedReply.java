package cn.invoicehelp.console;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A ready-made answer agents can insert; admins manage them. */
@Entity
@Table(name = "canned_reply")
class CannedReply {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String title;
    private String text;
    @Column(name = "created_at")
    private Instant createdAt;

    protected CannedReply() {
    }

    CannedReply(String title, String text, Instant createdAt) {
        this.title = title;
        this.text = text;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    String getTitle() {
        return title;
    }

    String getText() {
        return text;
    }
}
