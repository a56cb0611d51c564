package cn.invoicehelp.knowledge;

import java.util.List;

/**
 * The answer to {@code GET /api/faq/search}: a contract, field names must not change (new ones are only added).
 *
 * @param bestMatch   slug of the article that answers the question, or null when no answer is confident
 * @param answer      the passage of {@code bestMatch} that answers the question (plain text), or null
 * @param outOfScope  when nothing here answers and the question belongs to a neighbouring topic this service does
 *                    not handle: the topic and where to go instead; otherwise null
 * @param confidence  estimated probability (0..1) that the first result answers the question; {@code bestMatch} is
 *                    set when it reaches the fitted threshold
 */
public record SearchResponse(String query, String bestMatch, List<SearchHit> results, Answer answer,
        OutOfScope outOfScope, double confidence) {

    public SearchResponse(String query, String bestMatch, List<SearchHit> results) {
        this(query, bestMatch, results, null, null, bestMatch == null ? 0 : 1);
    }

    /** One ranked article; {@code snippet} is HTML with the matched words in {@code <mark>}. */
    public record SearchHit(String slug, String title, String category, String snippet, float score) {
    }

    /** The passage of the best article that answers the question: whole sentences, plain text. */
    public record Answer(String slug, String text) {
    }

    /** A question this service does not handle: {@code topic} is the id in scope.yml, {@code message} zh-CN. */
    public record OutOfScope(String topic, String message) {
    }
}
