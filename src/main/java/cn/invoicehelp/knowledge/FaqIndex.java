package cn.invoicehelp.knowledge;

import cn.invoicehelp.knowledge.SearchResponse.SearchHit;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An immutable snapshot of the FAQ: articles, their search index, highlighter and autocomplete. */
final class FaqIndex {

    private static final String BODY = "body";
    private static final int CANDIDATES = 10;
    private static final int CONFIDENCE_DEPTH = 3;
    private static final String SNIPPET_FIELD = "snippet" + ChineseAnalyzers.BIGRAMS;

    private final Map<String, FaqArticle> articles = new LinkedHashMap<>();
    private final TextIndex index;
    private final TextIndex questions;
    private final UnifiedHighlighter highlighter;
    private final Suggestions suggestions;
    private final SearchTuning tuning;

    FaqIndex(List<FaqArticle> loaded, Synonyms synonyms, Set<String> stopwords, SearchTuning tuning) {
        this.tuning = tuning;
        loaded.forEach(article -> articles.putIfAbsent(article.slug(), article));
        List<TextIndex.Doc> docs = articles.values().stream().map(FaqIndex::toDoc).toList();
        this.index = new TextIndex(docs, TextIndex.boosts("head", tuning.headBoost(), BODY, tuning.bodyBoost()),
                synonyms, stopwords, tuning);
        this.questions = new TextIndex(articles.values().stream().flatMap(FaqIndex::questionDocs).toList(),
                TextIndex.boosts("q", 1f), synonyms, stopwords, tuning);
        this.highlighter = UnifiedHighlighter.builder(index.searcher(), index.analyzer())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.CHINA))
                .withMaxLength(2000)
                .build();
        this.suggestions = new Suggestions(articles.values());
    }

    private static TextIndex.Doc toDoc(FaqArticle article) {
        List<String> head = new ArrayList<>();
        head.add(article.title());
        head.addAll(article.questions());
        head.add(String.join(" ", article.keywords()));
        return new TextIndex.Doc(article.slug(), Map.of("head", head, BODY, List.of(article.text()),
                TextIndex.KEYWORDS, article.keywords()),
                Map.of(SNIPPET_FIELD, article.text()));
    }

    /** Each way of asking an article is also its own document: a question close to one phrasing ranks that article up. */
    private static java.util.stream.Stream<TextIndex.Doc> questionDocs(FaqArticle article) {
        return java.util.stream.IntStream.range(0, article.questions().size()).mapToObj(i -> new TextIndex.Doc(
                article.slug() + "#" + i, Map.of("q", List.of(article.questions().get(i))), Map.of()));
    }

    SearchResponse search(String query, int limit) {
        List<TextIndex.Hit> ranked = rank(query);
        List<TextIndex.Hit> hits = ranked.subList(0, Math.min(limit, ranked.size()));
        String[] snippets = snippets(query, hits);
        List<SearchHit> results = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            FaqArticle article = articles.get(hits.get(i).id());
            results.add(new SearchHit(article.slug(), article.title(), article.category(), snippets[i],
                    hits.get(i).score()));
        }
        return new SearchResponse(query, confident(ranked) ? ranked.get(0).id() : null, results);
    }

    /** Article score plus the score of its closest question; the top {@value #CANDIDATES} articles are re-ranked. */
    List<TextIndex.Hit> rank(String query) {
        Map<String, Float> closestQuestion = new java.util.HashMap<>();
        for (TextIndex.Hit hit : questions.search(query, CANDIDATES * 3, false)) {
            closestQuestion.merge(hit.id().substring(0, hit.id().lastIndexOf('#')), hit.score(), Math::max);
        }
        List<TextIndex.Hit> ranked = index.search(query, CANDIDATES, false).stream()
                .map(hit -> new TextIndex.Hit(hit.docId(), hit.id(),
                        hit.score() + tuning.closestQuestionWeight() * closestQuestion.getOrDefault(hit.id(), 0f),
                        hit.coverage()))
                .sorted(java.util.Comparator.comparingDouble(TextIndex.Hit::score).reversed())
                .toList();
        return index.withCoverage(ranked, query, CONFIDENCE_DEPTH);
    }

    /**
     * The best hit is an answer when it covers most of what was asked, or when it covers a fair part and another
     * close article covers most of it (the question is clearly about this knowledge base, in other words).
     */
    private boolean confident(List<TextIndex.Hit> hits) {
        if (hits.isEmpty() || hits.get(0).score() < tuning.minScore()) {
            return false;
        }
        double top = hits.get(0).coverage();
        double bestNearby = hits.stream().limit(CONFIDENCE_DEPTH).mapToDouble(TextIndex.Hit::coverage).max().orElse(0);
        return top >= tuning.minCoverage()
                || (top >= tuning.minCoverage() * 2 / 3 && bestNearby >= tuning.minCoverage());
    }

    private String[] snippets(String query, List<TextIndex.Hit> hits) {
        String[] snippets = new String[hits.size()];
        if (hits.isEmpty()) {
            return snippets;
        }
        int[] docIds = hits.stream().mapToInt(TextIndex.Hit::docId).toArray();
        try {
            String[] highlighted = highlighter.highlightFields(new String[] {SNIPPET_FIELD}, highlightQuery(query),
                    docIds, new int[] {2}).get(SNIPPET_FIELD);
            for (int i = 0; i < snippets.length; i++) {
                snippets[i] = highlighted != null && highlighted[i] != null ? highlighted[i]
                        : Html.escape(abbreviate(articles.get(hits.get(i).id()).text()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return snippets;
    }

    /** Highlight whole words and bigrams only: single characters would mark half the text. */
    private Query highlightQuery(String query) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        ChineseAnalyzers.tokens(index.analyzer(), SNIPPET_FIELD, query).stream()
                .filter(token -> !token.isUnigram())
                .forEach(token -> builder.add(new TermQuery(new Term(SNIPPET_FIELD, token.term())),
                        BooleanClause.Occur.SHOULD));
        return builder.build();
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 90 ? flat : flat.substring(0, 90) + "…";
    }

    Optional<FaqArticle> article(String slug) {
        return Optional.ofNullable(articles.get(slug));
    }

    List<FaqArticle> articles() {
        return List.copyOf(articles.values());
    }

    List<String> suggest(String prefix, int limit) {
        return suggestions.lookup(prefix, limit);
    }
}
