package cn.invoicehelp.knowledge.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The terms of the scoring fields of a frozen one-segment index, each with its statistics read once at load. A query
 * built from them skips the per-search terms-dictionary seek of every clause (most of a small index's search cost)
 * and leaves out terms no document has, which score nothing anyway: scores stay exactly those of plain term queries.
 */
final class Vocabulary {

    private final Map<String, Map<String, TermQuery>> byField = new HashMap<>();

    Vocabulary(IndexReader reader, Collection<String> fields) {
        if (reader.leaves().size() != 1) {
            throw new IllegalArgumentException("a vocabulary reads a one-segment index");
        }
        LeafReader leaf = reader.leaves().get(0).reader();
        try {
            for (String field : fields) {
                Terms terms = leaf.terms(field);
                Map<String, TermQuery> known = new HashMap<>();
                if (terms != null) {
                    TermsEnum termsEnum = terms.iterator();
                    for (BytesRef bytes = termsEnum.next(); bytes != null; bytes = termsEnum.next()) {
                        TermStates states = new TermStates(reader.getContext(), termsEnum.termState(), 0,
                                termsEnum.docFreq(), termsEnum.totalTermFreq());
                        Term term = new Term(field, BytesRef.deepCopyOf(bytes));
                        known.put(term.text(), new TermQuery(term, states));
                    }
                }
                byField.put(field, known);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The term's query with its load-time statistics, or null when no document of the field has the term. */
    TermQuery query(String field, String text) {
        Map<String, TermQuery> known = byField.get(field);
        if (known == null) {
            throw new IllegalArgumentException("not a vocabulary field: " + field);
        }
        return known.get(text);
    }
}
