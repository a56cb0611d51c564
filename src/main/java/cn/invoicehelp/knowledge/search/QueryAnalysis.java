package cn.invoicehelp.knowledge.search;

import cn.invoicehelp.knowledge.search.ChineseAnalyzers.Token;
import cn.invoicehelp.text.TextNormalizer;
import org.apache.lucene.analysis.Analyzer;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A question analysed once: one chat turn asks the intent index, the FAQ's question, article and passage indexes about
 * the same text, and the Chinese analysis (smartcn, bigrams, synonym mentions) costs more than the searches. The
 * analysis depends only on the text, the synonyms and the stopwords, so it is shared by every index built with
 * them; each thread keeps its last few analyses.
 */
final class QueryAnalysis {

    private static final int RECENT = 4;
    private static final Analyzer WORDS = ChineseAnalyzers.words();
    private static final Analyzer QUERY_BIGRAMS = ChineseAnalyzers.bigrams(false);
    private static final ThreadLocal<QueryAnalysis[]> RECENTLY = ThreadLocal.withInitial(() -> new QueryAnalysis[RECENT]);

    private final String text;
    private final Synonyms synonyms;
    private final Set<String> stopwords;
    private String expanded;
    private List<String> words;
    private List<Token> bigrams;
    private List<QuestionParts.Part> parts;
    /** Per index derived values (query terms weighted by that index), by the object that derived them. */
    private final Map<Object, Object> derived = new IdentityHashMap<>(4);

    private QueryAnalysis(String text, Synonyms synonyms, Set<String> stopwords) {
        this.text = text;
        this.synonyms = synonyms;
        this.stopwords = stopwords;
    }

    /** The analysis of {@code text} under these synonyms and stopwords, from this thread's recent ones if there. */
    static QueryAnalysis of(String text, Synonyms synonyms, Set<String> stopwords) {
        QueryAnalysis[] recent = RECENTLY.get();
        for (QueryAnalysis a : recent) {
            if (a != null && a.synonyms == synonyms && a.stopwords == stopwords && a.text.equals(text)) {
                return a;
            }
        }
        QueryAnalysis fresh = new QueryAnalysis(text, synonyms, stopwords);
        System.arraycopy(recent, 0, recent, 1, RECENT - 1);
        recent[0] = fresh;
        return fresh;
    }

    /** Folded text with the canonical term of every synonym it mentions appended. */
    String expanded() {
        if (expanded == null) {
            expanded = synonyms.expand(TextNormalizer.folded(text));
        }
        return expanded;
    }

    /** Distinct smartcn words of the expanded text. */
    List<String> words() {
        if (words == null) {
            Set<String> seen = new LinkedHashSet<>();
            ChineseAnalyzers.tokens(WORDS, "q" + ChineseAnalyzers.WORDS, expanded()).forEach(t -> seen.add(t.term()));
            words = List.copyOf(seen);
        }
        return words;
    }

    /** Distinct bigrams (single characters only where they stand alone) of the expanded text. */
    List<Token> bigrams() {
        if (bigrams == null) {
            bigrams = List.copyOf(new LinkedHashSet<>(ChineseAnalyzers.tokens(QUERY_BIGRAMS,
                    "q" + ChineseAnalyzers.BIGRAMS, expanded())));
        }
        return bigrams;
    }

    /** The meaningful parts of the question ({@link QuestionParts}). */
    List<QuestionParts.Part> parts(QuestionParts splitter) {
        if (parts == null) {
            parts = splitter.split(text);
        }
        return parts;
    }

    /** A value derived from this analysis by {@code owner} (e.g. an index's term weights), computed once. */
    @SuppressWarnings("unchecked")
    <T> T derived(Object owner, Function<QueryAnalysis, T> derive) {
        Object value = derived.get(owner);
        if (value == null) {
            value = derive.apply(this);
            derived.put(owner, value);
        }
        return (T) value;
    }
}
