package cn.invoicehelp.knowledge.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How much of a question a document answers: the IDF-weighted share of the question's meaningful terms
 * ({@link QuestionParts}) the document contains. An unknown term is weighed by its character bigrams, so a word the
 * knowledge base has never seen counts heavily against confidence while a differently segmented known word does not.
 * A synonym variant counts as found when its canonical term is.
 */
final class Coverage {

    static final String WORDS = "all" + ChineseAnalyzers.WORDS;
    static final String BIGRAMS = "all" + ChineseAnalyzers.BIGRAMS;

    /** A question term and, for a synonym variant, its canonical term. */
    record QuestionTerm(String text, String canonical, double weight) {
    }

    private final IndexReader reader;
    private final LeafReader leaf;
    private final QuestionParts parts;
    private final int docCount;

    Coverage(IndexReader reader, Synonyms synonyms, Set<String> stopwords) {
        this.reader = reader;
        this.leaf = reader.leaves().get(0).reader();
        this.parts = new QuestionParts(synonyms, stopwords);
        this.docCount = Math.max(reader.numDocs(), 1);
    }

    /** The question's meaningful terms weighted for this index (computed once per analysis). */
    List<QuestionTerm> terms(QueryAnalysis question) {
        return question.derived(this, a -> a.parts(parts).stream()
                .map(part -> new QuestionTerm(part.text(), part.canonical(), weight(part.text())))
                .toList());
    }

    /** Coverage of the question by each of the documents (same order as {@code docIds}). */
    double[] of(int[] docIds, List<QuestionTerm> terms) {
        try {
            double[] found = new double[docIds.length];
            double total = 0;
            // One terms enumeration per field for the whole question, and the documents in docid order once.
            Lookup lookup = new Lookup(docIds);
            for (QuestionTerm term : terms) {
                double[] credit = credit(lookup, term.text());
                if (term.canonical() != null) {
                    double[] canonical = credit(lookup, term.canonical());
                    for (int i = 0; i < credit.length; i++) {
                        credit[i] = Math.max(credit[i], canonical[i]);
                    }
                }
                total += term.weight();
                for (int i = 0; i < docIds.length; i++) {
                    found[i] += term.weight() * credit[i];
                }
            }
            for (int i = 0; i < found.length; i++) {
                found[i] = total == 0 ? 0 : found[i] / total;
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** IDF-weighted share of the terms that no document contains, not even as most of their character bigrams. */
    double unknownShare(List<QuestionTerm> terms) {
        try {
            double unknown = 0;
            double total = 0;
            for (QuestionTerm term : terms) {
                total += term.weight();
                if (!known(term.text()) && (term.canonical() == null || !known(term.canonical()))) {
                    unknown += term.weight();
                }
            }
            return total == 0 ? 1 : unknown / total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean known(String term) throws IOException {
        if (reader.docFreq(new Term(WORDS, term)) > 0) {
            return true;
        }
        if (!isChinese(term)) {
            return false;
        }
        List<String> pieces = pieces(term);
        int seen = 0;
        for (String piece : pieces) {
            if (reader.docFreq(new Term(BIGRAMS, piece)) > 0) {
                seen++;
            }
        }
        return seen * 2 > pieces.size();
    }

    /** 1 where a document has the word; otherwise the share of its character bigrams it has. */
    private double[] credit(Lookup lookup, String term) throws IOException {
        int[] docIds = lookup.docIds;
        double[] credit = new double[docIds.length];
        boolean[] whole = lookup.present(lookup.words, term);
        boolean all = true;
        for (int i = 0; i < docIds.length; i++) {
            credit[i] = whole[i] ? 1 : 0;
            all &= whole[i];
        }
        if (all || !isChinese(term)) {
            return credit;
        }
        List<String> pieces = pieces(term);
        double share = 1.0 / pieces.size();
        for (String piece : pieces) {
            boolean[] has = lookup.present(lookup.bigrams, piece);
            for (int i = 0; i < docIds.length; i++) {
                if (!whole[i] && has[i]) {
                    credit[i] += share;
                }
            }
        }
        return credit;
    }

    /** The documents of one coverage computation and a reusable terms enumeration per field. */
    private final class Lookup {

        final int[] docIds;
        final Integer[] order;
        final TermsEnum words;
        final TermsEnum bigrams;
        PostingsEnum postings;

        Lookup(int[] docIds) throws IOException {
            this.docIds = docIds;
            this.order = new Integer[docIds.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> docIds[i]));
            this.words = iterator(WORDS);
            this.bigrams = iterator(BIGRAMS);
        }

        private TermsEnum iterator(String field) throws IOException {
            Terms terms = leaf.terms(field);
            return terms == null ? null : terms.iterator();
        }

        /** Which of the documents contain the term, read from the postings (one seek per term, docs in order). */
        boolean[] present(TermsEnum termsEnum, String term) throws IOException {
            boolean[] present = new boolean[docIds.length];
            if (termsEnum == null || !termsEnum.seekExact(new BytesRef(term))) {
                return present;
            }
            postings = termsEnum.postings(postings, PostingsEnum.NONE);
            int current = -1;
            for (int i : order) {
                if (current < docIds[i]) {
                    current = postings.advance(docIds[i]);
                }
                present[i] = current == docIds[i];
            }
            return present;
        }
    }

    /** IDF of a known word; for an unknown one the mean IDF of its character bigrams (unseen = rarest). */
    private double weight(String term) {
        try {
            int df = reader.docFreq(new Term(WORDS, term));
            if (df > 0 || !isChinese(term)) {
                return idf(df);
            }
            List<String> pieces = pieces(term);
            double sum = 0;
            for (String piece : pieces) {
                sum += idf(reader.docFreq(new Term(BIGRAMS, piece)));
            }
            return sum / pieces.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private double idf(int df) {
        return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
    }

    /** Character bigrams of a Chinese term, or the character itself. */
    private static List<String> pieces(String term) {
        if (term.length() == 1) {
            return List.of(term);
        }
        List<String> pieces = new ArrayList<>(term.length() - 1);
        for (int i = 0; i + 2 <= term.length(); i++) {
            pieces.add(term.substring(i, i + 2));
        }
        return pieces;
    }

    static boolean isChinese(String term) {
        return term.codePoints().allMatch(Character::isIdeographic);
    }


}
