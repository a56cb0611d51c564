package cn.invoicehelp.knowledge.internal;

import cn.invoicehelp.knowledge.search.SearchTuning;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where the knowledge base lives and how sure the search must be before it names an answer.
 *
 * @param dir            folder with {@code faq/}, {@code synonyms.txt} and {@code stopwords.txt}; unset = the copy
 *                       shipped inside the application (built from the repository's {@code knowledge-base/})
 * @param minCoverage    share (IDF-weighted) of the question's words the best article must contain
 * @param minScore       lowest BM25 score that may still be a confident answer
 * @param watch          rebuild the index when a knowledge-base file changes
 */
@ConfigurationProperties("helpdesk.knowledge")
record KnowledgeProperties(Path dir, Double minCoverage, Double minScore, Boolean watch) {

    KnowledgeProperties {
        dir = dir == null ? ShippedKnowledge.folder() : dir;
        minCoverage = minCoverage == null ? SearchTuning.DEFAULT.minCoverage() : minCoverage;
        minScore = minScore == null ? SearchTuning.DEFAULT.minScore() : minScore;
        watch = watch == null || watch;
    }

    /** A configured folder is the editable source; the shipped copy is never watched. */
    boolean editable() {
        return !ShippedKnowledge.isShipped(dir);
    }

    SearchTuning tuning() {
        return SearchTuning.DEFAULT.withConfidence(minCoverage, minScore);
    }
}
