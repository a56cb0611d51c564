package cn.invoicehelp.knowledge;

import org.springframework.data.jpa.repository.JpaRepository;

interface Feedbacks extends JpaRepository<ArticleFeedback, Long> {

    long countBySlugAndHelpful(String slug, boolean helpful);
}
