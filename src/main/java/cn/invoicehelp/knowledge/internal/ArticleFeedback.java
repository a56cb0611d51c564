package cn.invoicehelp.knowledge.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One answer to "这篇文章有帮助吗?" (public: {@code knowledge.web} records it). */
@Entity
@Table(name = "article_feedback")
public class ArticleFeedback {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String slug;
    private boolean helpful;
    private Instant createdAt;

    protected ArticleFeedback() {
    }

    public ArticleFeedback(String slug, boolean helpful, Instant createdAt) {
        this.slug = slug;
        this.helpful = helpful;
        this.createdAt = createdAt;
    }

    String slug() {
        return slug;
    }

    boolean helpful() {
        return helpful;
    }
}
