package cn.invoicehelp.knowledge.internal;

import cn.invoicehelp.knowledge.Article;
import cn.invoicehelp.knowledge.FaqSearch;
import cn.invoicehelp.knowledge.PhraseIndex;
import cn.invoicehelp.knowledge.SearchResponse;
import cn.invoicehelp.knowledge.search.FaqArticle;
import cn.invoicehelp.knowledge.search.FaqIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The FAQ as other modules and the web layer see it. Searches run on an immutable snapshot that {@link #reload()}
 * replaces atomically, so a knowledge-base edit never shows a half-built index.
 */
@Service
public class KnowledgeBase implements FaqSearch {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    private final KnowledgeProperties properties;
    private final UnansweredQuestions unanswered;
    private final Clock clock;
    private final AtomicReference<FaqIndex> current = new AtomicReference<>();

    KnowledgeBase(KnowledgeProperties properties, UnansweredQuestions unanswered, Clock clock) {
        this.properties = properties;
        this.unanswered = unanswered;
        this.clock = clock;
        reload();
    }

    /** Rebuilds the index from the files; called at start-up and when a knowledge-base file changes. */
    final void reload() {
        FaqIndex index = FaqIndex.load(properties.dir(), properties.tuning());
        current.set(index);
        log.info("知识库已加载: {} 篇文章, {} 组同义词 (目录 {})", index.articles().size(), index.synonymGroups(),
                properties.dir().toAbsolutePath());
    }

    /** Articles in the index searches run on now (the health check). */
    public int articleCount() {
        FaqIndex index = current.get();
        return index == null ? 0 : index.articles().size();
    }

    @Override
    public SearchResponse search(String query, int limit) {
        return current.get().search(query, limit);
    }

    @Override
    public SearchResponse searchWithoutHighlights(String query, int limit) {
        return current.get().search(query, limit, false);
    }

    @Override
    public void recordUnanswered(String question) {
        unanswered.record(question, clock.instant());
    }

    @Override
    public Optional<Article> article(String slug) {
        FaqIndex index = current.get();
        return index.article(slug).map(article -> new Article(article.slug(), article.title(), article.category(),
                article.html(), article.related().stream()
                        .flatMap(related -> index.article(related).stream())
                        .map(related -> new Article.Related(related.slug(), related.title()))
                        .toList()));
    }

    @Override
    public List<String> suggest(String prefix, int limit) {
        return current.get().suggest(prefix, limit);
    }

    @Override
    public PhraseIndex phraseIndex(Map<String, List<String>> phrasesByKey) {
        return current.get().phraseIndex(phrasesByKey, properties.tuning());
    }

    /** Articles grouped for the help center's browse view, in file order. */
    public List<FaqArticle> articles() {
        return current.get().articles();
    }
}
