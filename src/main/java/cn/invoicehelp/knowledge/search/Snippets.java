package cn.invoicehelp.knowledge.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text shown under each search result: the article's sentences that match the question, highlighted (escaped
 * HTML with {@code <mark>}), or the start of the article where none match or no highlighting is wanted.
 */
final class Snippets {

    static final String FIELD = "snippet" + ChineseAnalyzers.BIGRAMS;

    private final TextIndex index;
    private final UnifiedHighlighter highlighter;
    /** Article id → the escaped start of its text. */
    private final Map<String, String> starts = new HashMap<>();

    Snippets(TextIndex index, Iterable<FaqArticle> articles) {
        this.index = index;
        this.highlighter = UnifiedHighlighter.builder(index.searcher(), index.analyzer())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.CHINA))
                .withMaxLength(2000)
                .build();
        articles.forEach(a -> starts.put(a.slug(), Html.escape(abbreviate(a.text()))));
    }

    /** Up to two highlighted sentences per hit, or the start of its article when none matches. */
    String[] highlighted(String query, List<TextIndex.Hit> hits) {
        String[] snippets = new String[hits.size()];
        if (hits.isEmpty()) {
            return snippets;
        }
        int[] docIds = hits.stream().mapToInt(TextIndex.Hit::docId).toArray();
        try {
            String[] highlighted = highlighter.highlightFields(new String[] {FIELD}, highlightQuery(query),
                    docIds, new int[] {2}).get(FIELD);
            for (int i = 0; i < snippets.length; i++) {
                snippets[i] = highlighted != null && highlighted[i] != null ? highlighted[i]
                        : starts.get(hits.get(i).id());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return snippets;
    }

    /** The start of each hit's article (no highlighter: most of a search's cost). */
    String[] plain(List<TextIndex.Hit> hits) {
        String[] snippets = new String[hits.size()];
        for (int i = 0; i < snippets.length; i++) {
            snippets[i] = starts.get(hits.get(i).id());
        }
        return snippets;
    }

    /** Highlight whole words and bigrams only: single characters would mark half the text. */
    private Query highlightQuery(String query) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        ChineseAnalyzers.tokens(index.analyzer(), FIELD, query).stream()
                .filter(token -> !token.isUnigram())
                .forEach(token -> builder.add(new TermQuery(new Term(FIELD, token.term())),
                        BooleanClause.Occur.SHOULD));
        return builder.build();
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 90 ? flat : flat.substring(0, 90) + "…";
    }
}
