package cn.invoicehelp.knowledge.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A question the FAQ could not answer with confidence. */
@Entity
@Table(name = "unanswered_question")
class UnansweredQuestion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String query;
    private Instant askedAt;

    protected UnansweredQuestion() {
    }

    UnansweredQuestion(String query, Instant askedAt) {
        this.query = query;
        this.askedAt = askedAt;
    }

    String query() {
        return query;
    }
}
