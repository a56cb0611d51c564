package cn.invoicehelp.knowledge.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;

interface UnansweredQuestions extends JpaRepository<UnansweredQuestion, Long> {

    /** Stores the question (first 200 characters) with the time it was asked, from the application's clock. */
    default void record(String query, Instant askedAt) {
        if (query != null && !query.isBlank()) {
            String text = query.strip();
            save(new UnansweredQuestion(text.length() > 200 ? text.substring(0, 200) : text, askedAt));
        }
    }
}
