package cn.invoicehelp.knowledge.search;

import cn.invoicehelp.knowledge.PhraseIndex;
import cn.invoicehelp.knowledge.SearchResponse;
import cn.invoicehelp.knowledge.SearchResponse.SearchHit;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of the FAQ: articles, their search index, snippets and autocomplete. Public for
 * {@code knowledge.internal}, which swaps snapshots when the folder changes.
 */
public final class FaqIndex {

    private static final String BODY = "body";
    private static final int CANDIDATES = 10;
    private static final int CONFIDENCE_DEPTH = 3;

    private final Map<String, FaqArticle> articles = new LinkedHashMap<>();
    private final TextIndex index;
    private final TextIndex questions;
    private final Snippets snippets;
    private final Suggestions suggestions;
    private final SearchTuning tuning;
    private final TextIndex passages;
    private final Map<String, List<String>> passageTexts = new LinkedHashMap<>();
    private final Scope scope;
    private final Answerability answerability;
    private final Synonyms synonymsForCopy;
    private final Set<String> stopwordsForCopy;

    /** The ranked articles of a question, with each one's closest-question score (for the confidence features). */
    record Ranking(List<TextIndex.Hit> hits, Map<String, Float> closestQuestion, Optional<Scope.Match> scope) {
    }

    /** How sure the search is about the top article, and the out-of-scope topic that fits the question best. */
    record Decision(Answerability.Features features, double probability, boolean confident,
            Optional<Scope.Match> scope) {
    }

    FaqIndex(List<FaqArticle> loaded, Synonyms synonyms, Set<String> stopwords, SearchTuning tuning) {
        this(loaded, synonyms, stopwords, tuning, Scope.NONE, Answerability.coverageRule(tuning));
    }

    FaqIndex(List<FaqArticle> loaded, Synonyms synonyms, Set<String> stopwords, SearchTuning tuning, Scope scope,
            Answerability answerability) {
        this.tuning = tuning;
        this.scope = scope;
        this.answerability = answerability;
        this.synonymsForCopy = synonyms;
        this.stopwordsForCopy = stopwords;
        loaded.forEach(article -> articles.putIfAbsent(article.slug(), article));
        List<TextIndex.Doc> docs = new ArrayList<>(articles.values().stream().map(FaqIndex::toDoc).toList());
        scope.topics().forEach(topic -> docs.add(scopeDoc(topic)));
        this.index = new TextIndex(docs, TextIndex.boosts("head", tuning.headBoost(), BODY, tuning.bodyBoost()),
                synonyms, stopwords, tuning);
        List<TextIndex.Doc> questionDocs = new ArrayList<>(articles.values().stream().flatMap(FaqIndex::questionDocs)
                .toList());
        scope.topics().forEach(topic -> {
            for (int i = 0; i < topic.examples().size(); i++) {
                questionDocs.add(new TextIndex.Doc(Scope.PREFIX + topic.id() + "#" + i,
                        Map.of("q", List.of(topic.examples().get(i))), Map.of()));
            }
        });
        this.questions = new TextIndex(questionDocs, TextIndex.boosts("q", 1f), synonyms, stopwords, tuning);
        this.snippets = new Snippets(index, articles.values());
        this.suggestions = new Suggestions(articles.values());
        List<TextIndex.Doc> passageDocs = new ArrayList<>();
        for (FaqArticle article : articles.values()) {
            passageTexts.put(article.slug(), article.passages());
            for (int i = 0; i < article.passages().size(); i++) {
                passageDocs.add(new TextIndex.Doc(article.slug() + "#" + i,
                        Map.of("p", List.of(article.passages().get(i))), Map.of()));
            }
        }
        this.passages = new TextIndex(passageDocs, TextIndex.boosts("p", 1f), synonyms, stopwords, tuning);
    }

    /** Everything the search needs from a knowledge-base folder; also used by the evaluation and benchmark. */
    public static FaqIndex load(Path dir, SearchTuning tuning) {
        return load(dir, tuning, true);
    }

    /** The index with the coverage rule instead of the model file (to fit a new model from its features). */
    static FaqIndex loadWithoutModel(Path dir, SearchTuning tuning) {
        return load(dir, tuning, false);
    }

    private static FaqIndex load(Path dir, SearchTuning tuning, boolean model) {
        List<FaqArticle> articles = new ArticleLoader(FaqRules.load(dir.resolve("faq-rules.json")))
                .load(dir.resolve("faq"));
        Synonyms synonyms = Synonyms.load(dir.resolve("synonyms.txt"));
        Set<String> stopwords = readWords(dir.resolve("stopwords.txt"));
        Scope scope = Scope.load(dir.resolve("scope.yml"));
        Answerability answerability = model ? Answerability.load(dir.resolve("answerability.yml"), tuning)
                : Answerability.coverageRule(tuning);
        return new FaqIndex(articles, synonyms, stopwords, tuning, scope, answerability);
    }

    static Set<String> readWords(Path file) {
        if (!Files.isRegularFile(file)) {
            return Set.of();
        }
        try {
            Set<String> words = new HashSet<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small index over phrases (e.g. intent examples) with this snapshot's synonyms and stopwords. */
    public PhraseIndex phraseIndex(Map<String, List<String>> phrasesByKey, SearchTuning tuning) {
        return new LucenePhraseIndex(phrasesByKey, synonymsForCopy, stopwordsForCopy, tuning);
    }

    /** Synonym groups of this snapshot (for the load log). */
    public int synonymGroups() {
        return synonymsForCopy.size();
    }

    /** Same articles and analysis, another answerability decision (for the evaluation's before/after). */
    FaqIndex withAnswerability(Answerability other) {
        return new FaqIndex(List.copyOf(articles.values()), synonymsForCopy, stopwordsForCopy, tuning, scope, other);
    }

    private static TextIndex.Doc toDoc(FaqArticle article) {
        List<String> head = new ArrayList<>();
        head.add(article.title());
        head.addAll(article.questions());
        head.add(String.join(" ", article.keywords()));
        return new TextIndex.Doc(article.slug(), Map.of("head", head, BODY, List.of(article.text()),
                TextIndex.KEYWORDS, article.keywords()),
                Map.of(Snippets.FIELD, article.text()));
    }

    /** A neighbouring topic is indexed like an article whose questions are its examples (its answer is not). */
    private static TextIndex.Doc scopeDoc(Scope.Topic topic) {
        List<String> head = new ArrayList<>(topic.examples());
        head.add(topic.title());
        return new TextIndex.Doc(Scope.PREFIX + topic.id(), Map.of("head", head), Map.of());
    }

    /** Each way of asking an article is also its own document: a question close to one phrasing ranks that article up. */
    private static java.util.stream.Stream<TextIndex.Doc> questionDocs(FaqArticle article) {
        return java.util.stream.IntStream.range(0, article.questions().size()).mapToObj(i -> new TextIndex.Doc(
                article.slug() + "#" + i, Map.of("q", List.of(article.questions().get(i))), Map.of()));
    }

    public SearchResponse search(String query, int limit) {
        return search(query, limit, true);
    }

    /**
     * {@code highlight} false: each result's snippet is the start of its article instead of highlighted sentences
     * (for callers that show the passage answer, such as the chat, the highlighter is most of the cost of a search).
     */
    public SearchResponse search(String query, int limit, boolean highlight) {
        Ranking ranking = ranking(query);
        List<TextIndex.Hit> ranked = ranking.hits();
        Decision decision = decide(query, ranking);
        List<TextIndex.Hit> hits = ranked.subList(0, Math.min(limit, ranked.size()));
        String[] texts = highlight ? snippets.highlighted(query, hits) : snippets.plain(hits);
        List<SearchHit> results = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            FaqArticle article = articles.get(hits.get(i).id());
            results.add(new SearchHit(article.slug(), article.title(), article.category(), texts[i],
                    hits.get(i).score()));
        }
        String best = decision.confident() ? ranked.get(0).id() : null;
        SearchResponse.OutOfScope outOfScope = best != null ? null : decision.scope()
                // A topic is named only when it explains the question at least as well as the articles found.
                .filter(m -> m.coverage() >= answerability.scopeThreshold()
                        && m.coverage() >= decision.features().nearbyCoverage())
                .map(m -> new SearchResponse.OutOfScope(m.topic().id(), m.topic().message()))
                .orElse(null);
        return new SearchResponse(query, best, results, best == null ? null : answer(best, query), outOfScope,
                Math.round(decision.probability() * 1000) / 1000.0);
    }

    /** The passage of the article that answers the question best (its first passage when none matches). */
    SearchResponse.Answer answer(String slug, String query) {
        List<String> texts = passageTexts.getOrDefault(slug, List.of());
        if (texts.isEmpty()) {
            return null;
        }
        String prefix = slug + "#";
        // Only this article's passages are scored (a filter on their group), not every passage of the knowledge base.
        return passages.search(query, texts.size(), new TermQuery(new Term(TextIndex.GROUP, slug))).stream()
                .findFirst()
                .map(hit -> new SearchResponse.Answer(slug, texts.get(Integer.parseInt(hit.id().substring(prefix.length())))))
                .orElse(new SearchResponse.Answer(slug, texts.get(0)));
    }

    /** The answerability features of a question and the decision they lead to. */
    Decision decide(String query, Ranking ranking) {
        List<TextIndex.Hit> hits = ranking.hits();
        Optional<Scope.Match> scopeMatch = ranking.scope();
        if (hits.isEmpty()) {
            return new Decision(Answerability.Features.NONE, 0, false, scopeMatch);
        }
        TextIndex.Hit top = hits.get(0);
        double second = hits.size() > 1 ? hits.get(1).score() : 0;
        Answerability.Features features = new Answerability.Features(top.coverage(),
                hits.stream().limit(CONFIDENCE_DEPTH).mapToDouble(TextIndex.Hit::coverage).max().orElse(0),
                Math.log1p(top.score()), Math.log1p(ranking.closestQuestion().getOrDefault(top.id(), 0f)),
                top.score() <= 0 ? 0 : (top.score() - second) / top.score(), index.unknownShare(query),
                Math.log1p(index.termCount(query)),
                // A topic that covers the question counts as much as it keeps up with the top article's score.
                scopeMatch.map(m -> m.coverage() * Math.min(1, m.score() / Math.max(top.score(), 1e-6))).orElse(0.0),
                scopeMatch.map(m -> (m.score() - top.score()) / Math.max(m.score(), top.score())).orElse(-1.0));
        double p = answerability.probability(features);
        return new Decision(features, p, p >= answerability.threshold(), scopeMatch);
    }

    Decision decide(String query) {
        return decide(query, ranking(query));
    }

    List<TextIndex.Hit> rank(String query) {
        return ranking(query).hits();
    }

    /** Article score plus the score of its closest question; the top {@value #CANDIDATES} articles are re-ranked. */
    Ranking ranking(String query) {
        Map<String, Float> closestQuestion = new java.util.HashMap<>();
        for (TextIndex.Hit hit : questions.search(query, CANDIDATES * 3, false)) {
            closestQuestion.merge(hit.id().substring(0, hit.id().lastIndexOf('#')), hit.score(), Math::max);
        }
        List<TextIndex.Hit> all = index.search(query, CANDIDATES + scope.topics().size(), false).stream()
                .map(hit -> new TextIndex.Hit(hit.docId(), hit.id(),
                        hit.score() + tuning.closestQuestionWeight() * closestQuestion.getOrDefault(hit.id(), 0f),
                        hit.coverage()))
                .sorted(java.util.Comparator.comparingDouble(TextIndex.Hit::score).reversed())
                .toList();
        List<TextIndex.Hit> ranked = all.stream().filter(hit -> !hit.id().startsWith(Scope.PREFIX)).limit(CANDIDATES)
                .toList();
        Optional<TextIndex.Hit> topic = all.stream().filter(hit -> hit.id().startsWith(Scope.PREFIX)).findFirst();
        List<TextIndex.Hit> measured = new ArrayList<>(ranked.subList(0, Math.min(CONFIDENCE_DEPTH, ranked.size())));
        topic.ifPresent(measured::add);
        measured = index.withCoverage(measured, query, measured.size());
        List<TextIndex.Hit> hits = new ArrayList<>(measured.subList(0, Math.min(CONFIDENCE_DEPTH, ranked.size())));
        hits.addAll(ranked.subList(hits.size(), ranked.size()));
        Optional<Scope.Match> scopeMatch = topic.isEmpty() ? Optional.empty()
                : Optional.of(measured.get(measured.size() - 1)).flatMap(hit -> scope.topic(hit.id())
                        .map(t -> new Scope.Match(t, hit.coverage(), hit.score())));
        return new Ranking(hits, closestQuestion, scopeMatch);
    }

    Scope scope() {
        return scope;
    }

    Answerability answerability() {
        return answerability;
    }

    public Optional<FaqArticle> article(String slug) {
        return Optional.ofNullable(articles.get(slug));
    }

    public List<FaqArticle> articles() {
        return List.copyOf(articles.values());
    }

    public List<String> suggest(String prefix, int limit) {
        return suggestions.lookup(prefix, limit);
    }
}
