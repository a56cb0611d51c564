package cn.invoicehelp.knowledge;

import cn.invoicehelp.knowledge.ChineseAnalyzers.Token;
import org.apache.lucene.index.Term;
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
    private final Synonyms synonyms;
    private final Set<String> keywords;
    private final SearchTuning tuning;

    TextQueries(Map<String, Float> boosts, Synonyms synonyms, Set<String> keywords, SearchTuning tuning) {
        this.boosts = boosts;
        this.synonyms = synonyms;
        this.keywords = keywords;
        this.tuning = tuning;
    }

    /** The scoring query for a user's text; all input is treated as plain text, never as query syntax. */
    Query build(QueryAnalysis analysis) {
        String expanded = analysis.expanded();
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : analysis.words()) {
            query.add(perField(term, ChineseAnalyzers.WORDS, 1f), BooleanClause.Occur.SHOULD);
        }
        for (Token token : analysis.bigrams()) {
            float weight = token.isUnigram() ? tuning.unigramWeight() : 1f;
            query.add(perField(token.term(), ChineseAnalyzers.BIGRAMS, weight), BooleanClause.Occur.SHOULD);
        }
        for (String keyword : mentionedKeywords(expanded.toLowerCase(java.util.Locale.ROOT))) {
            query.add(new BoostQuery(new TermQuery(new Term(TextIndex.KEYWORDS, keyword)), tuning.keywordBoost()),
                    BooleanClause.Occur.SHOULD);
        }
        return query.build();
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

    private Query perField(String term, String suffix, float weight) {
        List<Query> fields = new ArrayList<>();
        boosts.forEach((field, boost) -> fields.add(
                new BoostQuery(new TermQuery(new Term(field + suffix, term)), boost * weight)));
        return new DisjunctionMaxQuery(fields, 0.2f);
    }


}
