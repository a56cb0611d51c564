package cn.invoicehelp.knowledge.search;

import cn.invoicehelp.knowledge.search.ChineseAnalyzers.Token;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the Lucene query for a question: for each smartcn word and each bigram (single characters only where they
 * stand alone) the best of the boosted fields, plus the exact keywords the question contains.
 */
final class TextQueries {

    private static final int LONGEST_KEYWORD = 12;

    private final Map<String, Float> boosts;
    private final Set<String> keywords;
    private final SearchTuning tuning;
    private final Vocabulary vocabulary;

    TextQueries(Map<String, Float> boosts, Set<String> keywords, SearchTuning tuning, Vocabulary vocabulary) {
        this.boosts = boosts;
        this.keywords = keywords;
        this.tuning = tuning;
        this.vocabulary = vocabulary;
    }

    /** The fields a query of these boosts reads, for the {@link Vocabulary}. */
    static List<String> fields(Map<String, Float> boosts) {
        List<String> fields = new ArrayList<>();
        boosts.keySet().forEach(field -> {
            fields.add(field + ChineseAnalyzers.WORDS);
            fields.add(field + ChineseAnalyzers.BIGRAMS);
        });
        fields.add(TextIndex.KEYWORDS);
        return fields;
    }

    /** The scoring query for a user's text; all input is treated as plain text, never as query syntax. */
    Query build(QueryAnalysis analysis) {
        String expanded = analysis.expanded();
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : analysis.words()) {
            add(query, perField(term, ChineseAnalyzers.WORDS, 1f));
        }
        for (Token token : analysis.bigrams()) {
            float weight = token.isUnigram() ? tuning.unigramWeight() : 1f;
            add(query, perField(token.term(), ChineseAnalyzers.BIGRAMS, weight));
        }
        for (String keyword : mentionedKeywords(expanded.toLowerCase(java.util.Locale.ROOT))) {
            add(query, boosted(vocabulary.query(TextIndex.KEYWORDS, keyword), tuning.keywordBoost()));
        }
        return query.build();
    }

    private static void add(BooleanQuery.Builder query, Query clause) {
        if (clause != null) {
            query.add(clause, BooleanClause.Occur.SHOULD);
        }
    }

    private static Query boosted(TermQuery term, float boost) {
        return term == null ? null : boost == 1f ? term : new BoostQuery(term, boost);
    }

    /** Keywords of any document the text contains (every substring up to the longest keyword is looked up). */
    private Set<String> mentionedKeywords(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (keywords.isEmpty()) {
            return found;
        }
        for (int start = 0; start < text.length(); start++) {
            for (int end = start + 2; end <= Math.min(text.length(), start + LONGEST_KEYWORD); end++) {
                String candidate = text.substring(start, end);
                if (keywords.contains(candidate)) {
                    found.add(candidate);
                }
            }
        }
        return found;
    }

    /** The best of the fields that have the term (null when none has it; a field without it scores nothing). */
    private Query perField(String term, String suffix, float weight) {
        List<Query> fields = new ArrayList<>(boosts.size());
        boosts.forEach((field, boost) -> {
            Query clause = boosted(vocabulary.query(field + suffix, term), boost * weight);
            if (clause != null) {
                fields.add(clause);
            }
        });
        return fields.isEmpty() ? null : fields.size() == 1 ? fields.get(0) : new DisjunctionMaxQuery(fields, 0.2f);
    }


}
