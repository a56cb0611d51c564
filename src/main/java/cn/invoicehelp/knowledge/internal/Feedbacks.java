package cn.invoicehelp.knowledge.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** The "这篇文章有帮助吗?" answers (public: {@code knowledge.web} stores and counts them). */
public interface Feedbacks extends JpaRepository<ArticleFeedback, Long> {

    long countBySlugAndHelpful(String slug, boolean helpful);
}
