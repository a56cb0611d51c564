package cn.invoicehelp.knowledge;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How much of a question a document answers: the IDF-weighted share of the question's meaningful terms the document
 * contains. Terms are smartcn words; runs of single characters smartcn could not place (个税, 限行, 数电票) are joined
 * back into one term and weighed by their character bigrams, so an unknown word counts heavily against confidence
 * while a differently segmented known word does not. A synonym variant counts as found when its canonical term is.
 */
final class Coverage {

    static final String WORDS = "all" + ChineseAnalyzers.WORDS;
    static final String BIGRAMS = "all" + ChineseAnalyzers.BIGRAMS;

    /** A question term and, for a synonym variant, its canonical term. */
    record QuestionTerm(String text, String canonical, double weight) {
    }

    private final IndexReader reader;
    private final Analyzer words = ChineseAnalyzers.words();
    private final Synonyms synonyms;
    private final Set<String> stopwords;
    private final int docCount;

    Coverage(IndexReader reader, Synonyms synonyms, Set<String> stopwords) {
        this.reader = reader;
        this.synonyms = synonyms;
        this.stopwords = stopwords;
        this.docCount = Math.max(reader.numDocs(), 1);
    }

    List<QuestionTerm> terms(String question) {
        String text = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<QuestionTerm> terms = new ArrayList<>();
        StringBuilder rest = new StringBuilder(text);
        for (Synonyms.Mention mention : synonyms.mentions(text)) {
            terms.add(new QuestionTerm(mention.variant(), mention.canonical(), weight(mention.variant())));
            for (int i = mention.start(); i < mention.end(); i++) {
                rest.setCharAt(i, ' ');
            }
        }
        for (String term : joinedTokens(rest.toString())) {
            if (meaningful(term)) {
                terms.add(new QuestionTerm(term, null, weight(term)));
            }
        }
        return terms;
    }

    /** Stopwords, numbers (invoice numbers, dates) and Latin fragments such as "ok" or a "BJ" prefix say nothing. */
    private boolean meaningful(String term) {
        return !stopwords.contains(term) && term.codePoints().noneMatch(Character::isDigit)
                && (isChinese(term) || term.length() > 2);
    }

    double of(int docId, List<QuestionTerm> terms) {
        try {
            TermsEnum docWords = vector(docId, WORDS);
            TermsEnum docBigrams = vector(docId, BIGRAMS);
            double found = 0;
            double total = 0;
            for (QuestionTerm term : terms) {
                double credit = credit(docWords, docBigrams, term.text());
                if (term.canonical() != null && credit < 1) {
                    credit = Math.max(credit, credit(docWords, docBigrams, term.canonical()));
                }
                total += term.weight();
                found += term.weight() * credit;
            }
            return total == 0 ? 0 : found / total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** smartcn tokens with adjacent single Chinese characters joined (stopwords break a run). */
    private List<String> joinedTokens(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = words.tokenStream(WORDS, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            StringBuilder run = new StringBuilder();
            int runEnd = -1;
            while (stream.incrementToken()) {
                String token = term.toString();
                boolean single = token.length() == 1 && Character.isIdeographic(token.codePointAt(0))
                        && !stopwords.contains(token);
                if (single && offset.startOffset() == runEnd) {
                    run.append(token);
                } else {
                    flush(run, out);
                    if (single) {
                        run.append(token);
                    } else {
                        out.add(token);
                    }
                }
                runEnd = single ? offset.endOffset() : -1;
            }
            flush(run, out);
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.stream().distinct().toList();
    }

    private static void flush(StringBuilder run, List<String> out) {
        if (!run.isEmpty()) {
            out.add(run.toString());
            run.setLength(0);
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

    private static double credit(TermsEnum docWords, TermsEnum docBigrams, String term) throws IOException {
        if (contains(docWords, term)) {
            return 1;
        }
        if (!isChinese(term)) {
            return 0;
        }
        List<String> pieces = pieces(term);
        long hits = 0;
        for (String piece : pieces) {
            if (contains(docBigrams, piece)) {
                hits++;
            }
        }
        return (double) hits / pieces.size();
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

    private static boolean isChinese(String term) {
        return term.codePoints().allMatch(Character::isIdeographic);
    }

    private TermsEnum vector(int docId, String field) throws IOException {
        Terms vector = reader.termVectors().get(docId, field);
        return vector == null ? null : vector.iterator();
    }

    private static boolean contains(TermsEnum terms, String term) throws IOException {
        return terms != null && terms.seekExact(new BytesRef(term));
    }
}
