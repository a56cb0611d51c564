package cn.invoicehelp.knowledge;

import java.util.List;
import java.util.Optional;

/** What other modules may ask of the knowledge base. */
public interface FaqSearch {

    /**
     * Ranked articles for a question; {@code bestMatch} is null when no answer is confident. Records nothing: a
     * caller that tries several readings of a message must not fill the list of unanswered questions.
     */
    SearchResponse search(String query, int limit);

    /**
     * The same search without highlighting: each result's snippet is the (escaped) start of its article. For callers
     * that show {@link SearchResponse#answer()} instead of the snippets, such as the chat.
     */
    default SearchResponse searchWithoutHighlights(String query, int limit) {
        return search(query, limit);
    }

    /** Notes a question a user asked that got no answer (for the editors' list of missing articles). */
    void recordUnanswered(String question);

    Optional<Article> article(String slug);

    List<String> suggest(String prefix, int limit);

    /** Builds a small in-memory index over phrases (e.g. intent examples) analysed like the FAQ. */
    PhraseIndex phraseIndex(java.util.Map<String, List<String>> phrasesByKey);
}
