package cn.invoicehelp.knowledge;

import java.util.List;
import java.util.Optional;

/** What other modules may ask of the knowledge base. */
public interface FaqSearch {

    /** Ranked articles for a user's question; {@code bestMatch} is null when no answer is confident. */
    SearchResponse search(String query, int limit);

    Optional<Article> article(String slug);

    List<String> suggest(String prefix, int limit);

    /** Builds a small in-memory index over phrases (e.g. intent examples) analysed like the FAQ. */
    PhraseIndex phraseIndex(java.util.Map<String, List<String>> phrasesByKey);
}
