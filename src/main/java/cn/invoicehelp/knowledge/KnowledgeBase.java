package cn.invoicehelp.knowledge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The FAQ as other modules and the web layer see it. Searches run on an immutable snapshot that {@link #reload()}
 * replaces atomically, so a knowledge-base edit never shows a half-built index.
 */
@Service
class KnowledgeBase implements FaqSearch {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    private final KnowledgeProperties properties;
    private final UnansweredQuestions unanswered;
    private final Clock clock;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    private record Snapshot(FaqIndex index, Synonyms synonyms, Set<String> stopwords) {
    }

    KnowledgeBase(KnowledgeProperties properties, UnansweredQuestions unanswered, Clock clock) {
        this.properties = properties;
        this.unanswered = unanswered;
        this.clock = clock;
        reload();
    }

    /** Rebuilds the index from the files; called at start-up and when a knowledge-base file changes. */
    final void reload() {
        Snapshot snapshot = load(properties.dir(), properties.tuning());
        current.set(snapshot);
        log.info("知识库已加载: {} 篇文章, {} 组同义词 (目录 {})", snapshot.index().articles().size(),
                snapshot.synonyms().size(), properties.dir().toAbsolutePath());
    }

    /** Articles in the index searches run on now (the health check). */
    int articleCount() {
        Snapshot snapshot = current.get();
        return snapshot == null ? 0 : snapshot.index().articles().size();
    }

    /** Everything the search needs from a knowledge-base folder; also used by the evaluation and benchmark. */
    static FaqIndex index(Path dir, SearchTuning tuning) {
        return load(dir, tuning).index();
    }

    /** The index with the coverage rule instead of the model file (to fit a new model from its features). */
    static FaqIndex indexWithoutModel(Path dir, SearchTuning tuning) {
        return load(dir, tuning, false).index();
    }

    private static Snapshot load(Path dir, SearchTuning tuning) {
        return load(dir, tuning, true);
    }

    private static Snapshot load(Path dir, SearchTuning tuning, boolean model) {
        List<FaqArticle> articles = new ArticleLoader(FaqRules.load(dir.resolve("faq-rules.json")))
                .load(dir.resolve("faq"));
        Synonyms synonyms = Synonyms.load(dir.resolve("synonyms.txt"));
        Set<String> stopwords = readWords(dir.resolve("stopwords.txt"));
        Scope scope = Scope.load(dir.resolve("scope.yml"));
        Answerability answerability = model ? Answerability.load(dir.resolve("answerability.yml"), tuning)
                : Answerability.coverageRule(tuning);
        return new Snapshot(new FaqIndex(articles, synonyms, stopwords, tuning, scope, answerability), synonyms,
                stopwords);
    }

    @Override
    public SearchResponse search(String query, int limit) {
        return current.get().index().search(query, limit);
    }

    @Override
    public SearchResponse searchWithoutHighlights(String query, int limit) {
        return current.get().index().search(query, limit, false);
    }

    @Override
    public void recordUnanswered(String question) {
        unanswered.record(question, clock.instant());
    }

    @Override
    public Optional<Article> article(String slug) {
        FaqIndex index = current.get().index();
        return index.article(slug).map(article -> new Article(article.slug(), article.title(), article.category(),
                article.html(), article.related().stream()
                        .flatMap(related -> index.article(related).stream())
                        .map(related -> new Article.Related(related.slug(), related.title()))
                        .toList()));
    }

    @Override
    public List<String> suggest(String prefix, int limit) {
        return current.get().index().suggest(prefix, limit);
    }

    @Override
    public PhraseIndex phraseIndex(Map<String, List<String>> phrasesByKey) {
        Snapshot snapshot = current.get();
        return new LucenePhraseIndex(phrasesByKey, snapshot.synonyms(), snapshot.stopwords(), properties.tuning());
    }

    /** Articles grouped for the help center's browse view, in file order. */
    List<FaqArticle> articles() {
        return current.get().index().articles();
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
}
