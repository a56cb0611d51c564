package cn.invoicehelp.knowledge;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;

interface UnansweredQuestions extends JpaRepository<UnansweredQuestion, Long> {

    default void record(String query) {
        if (query != null && !query.isBlank()) {
            String text = query.strip();
            save(new UnansweredQuestion(text.length() > 200 ? text.substring(0, 200) : text, Instant.now()));
        }
    }
}
