package cn.invoicehelp.knowledge.web;

import cn.invoicehelp.knowledge.internal.KnowledgeBase;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code faqIndex} in {@code /actuator/health}: UP while this node's Lucene index holds articles. Each node builds
 * its own index from the same knowledge base at start-up (and on edits of a watched folder).
 */
@Component
class FaqIndexHealthIndicator implements HealthIndicator {

    private final KnowledgeBase knowledge;

    FaqIndexHealthIndicator(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public Health health() {
        int articles = knowledge.articleCount();
        return (articles > 0 ? Health.up() : Health.down()).withDetail("articles", articles).build();
    }
}
