package cn.invoicehelp.knowledge;

import cn.invoicehelp.knowledge.ChineseAnalyzers.Token;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory Lucene index of short Chinese documents. Each logical field is indexed twice (smartcn words, CJK
 * bigrams); a query is a sum over its terms of the best-matching field (dis-max), and the confidence of a hit is how
 * much of the question (IDF-weighted, stopwords aside) the document contains.
 */
final class TextIndex {

    static final String ID = "id";
    private static final String ALL = "all" + ChineseAnalyzers.WORDS;
    private static final String ALL_BIGRAMS = "all" + ChineseAnalyzers.BIGRAMS;
    private static final FieldType ALL_TYPE = allType();

    /** A document to index: its id and the texts of each logical field. */
    record Doc(String id, Map<String, List<String>> fields, Map<String, String> stored) {
    }

    /** A ranked document: Lucene doc id, its id, BM25 score and confidence in [0,1]. */
    record Hit(int docId, String id, float score, double coverage) {
    }

    private final Analyzer analyzer = ChineseAnalyzers.perField();
    private final Analyzer words = ChineseAnalyzers.words();
    private final Map<String, Float> boosts;
    private final Synonyms synonyms;
    private final Set<String> stopwords;
    private final SearchTuning tuning;
    private final IndexSearcher searcher;
    private final int docCount;

    TextIndex(List<Doc> docs, Map<String, Float> boosts, Synonyms synonyms, Set<String> stopwords,
            SearchTuning tuning) {
        this.boosts = boosts;
        this.synonyms = synonyms;
        this.stopwords = stopwords;
        this.tuning = tuning;
        this.docCount = Math.max(docs.size(), 1);
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(similarity());
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (Doc doc : docs) {
                    writer.addDocument(toLucene(doc));
                }
            }
            searcher = new IndexSearcher(DirectoryReader.open(directory));
            searcher.setSimilarity(similarity());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BM25Similarity similarity() {
        return new BM25Similarity(tuning.k1(), tuning.b());
    }

    private Document toLucene(Doc doc) {
        Document lucene = new Document();
        lucene.add(new StringField(ID, doc.id(), Field.Store.YES));
        StringBuilder all = new StringBuilder();
        doc.fields().forEach((name, texts) -> {
            for (String text : texts) {
                String expanded = synonyms.expand(text);
                lucene.add(new TextField(name + ChineseAnalyzers.WORDS, expanded, Field.Store.NO));
                lucene.add(new TextField(name + ChineseAnalyzers.BIGRAMS, expanded, Field.Store.NO));
                all.append(expanded).append('\n');
            }
        });
        lucene.add(new Field(ALL, all.toString(), ALL_TYPE));
        lucene.add(new Field(ALL_BIGRAMS, all.toString(), ALL_TYPE));
        doc.stored().forEach((name, value) -> lucene.add(new StoredField(name, value)));
        return lucene;
    }

    /** The scoring query for a user's text; all input is treated as plain text, never as query syntax. */
    Query query(String text) {
        String expanded = synonyms.expand(text);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : distinct(ChineseAnalyzers.tokens(analyzer, "q" + ChineseAnalyzers.WORDS, expanded))) {
            query.add(perField(term, ChineseAnalyzers.WORDS, 1f), BooleanClause.Occur.SHOULD);
        }
        for (Token token : new LinkedHashSet<>(ChineseAnalyzers.tokens(analyzer, "q" + ChineseAnalyzers.BIGRAMS,
                expanded))) {
            float weight = token.isUnigram() ? tuning.unigramWeight() : 1f;
            query.add(perField(token.term(), ChineseAnalyzers.BIGRAMS, weight), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    private Query perField(String term, String suffix, float weight) {
        List<Query> fields = new ArrayList<>();
        boosts.forEach((field, boost) -> fields.add(
                new BoostQuery(new TermQuery(new Term(field + suffix, term)), boost * weight)));
        return new DisjunctionMaxQuery(fields, 0.2f);
    }

    List<Hit> search(String text, int limit) {
        try {
            ScoreDoc[] top = searcher.search(query(text), Math.max(limit, 1)).scoreDocs;
            List<String> questionTerms = contentTerms(text);
            List<Hit> hits = new ArrayList<>(top.length);
            for (ScoreDoc scoreDoc : top) {
                String id = searcher.storedFields().document(scoreDoc.doc).get(ID);
                hits.add(new Hit(scoreDoc.doc, id, scoreDoc.score, coverage(scoreDoc.doc, questionTerms)));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Word tokens of the question that carry meaning: stopwords and single punctuation dropped. */
    List<String> contentTerms(String text) {
        return distinct(ChineseAnalyzers.tokens(words, ALL, synonyms.expand(text))).stream()
                .filter(term -> !stopwords.contains(term))
                .toList();
    }

    private double coverage(int docId, List<String> terms) throws IOException {
        if (terms.isEmpty()) {
            return 0;
        }
        TermsEnum words = vector(docId, ALL);
        TermsEnum bigrams = vector(docId, ALL_BIGRAMS);
        double found = 0;
        double total = 0;
        for (String term : terms) {
            double idf = idf(term);
            total += idf;
            found += idf * (contains(words, term) ? 1 : characterOverlap(bigrams, term));
        }
        return total == 0 ? 0 : found / total;
    }

    /**
     * Share of a word's character bigrams (or its single character) the document has: smartcn may segment the same
     * text differently in a question and in an article (数电票 vs 数电|票), which must not count as a missing word.
     */
    private static double characterOverlap(TermsEnum bigrams, String term) throws IOException {
        if (term.length() == 1 || term.codePoints().anyMatch(cp -> !Character.isIdeographic(cp))) {
            return contains(bigrams, term) ? 1 : 0;
        }
        int pairs = term.length() - 1;
        int hits = 0;
        for (int i = 0; i < pairs; i++) {
            if (contains(bigrams, term.substring(i, i + 2))) {
                hits++;
            }
        }
        return (double) hits / pairs;
    }

    private TermsEnum vector(int docId, String field) throws IOException {
        Terms vector = searcher.getIndexReader().termVectors().get(docId, field);
        return vector == null ? null : vector.iterator();
    }

    private static boolean contains(TermsEnum terms, String term) throws IOException {
        return terms != null && terms.seekExact(new BytesRef(term));
    }

    private double idf(String term) throws IOException {
        int df = searcher.getIndexReader().docFreq(new Term(ALL, term));
        return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
    }

    IndexSearcher searcher() {
        return searcher;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    private static List<String> distinct(List<Token> tokens) {
        Set<String> seen = new LinkedHashSet<>();
        tokens.forEach(token -> seen.add(token.term()));
        return new ArrayList<>(seen);
    }

    private static FieldType allType() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS);
        type.setTokenized(true);
        type.setStoreTermVectors(true);
        type.freeze();
        return type;
    }

    static Map<String, Float> boosts(Object... fieldAndBoost) {
        Map<String, Float> boosts = new LinkedHashMap<>();
        for (int i = 0; i < fieldAndBoost.length; i += 2) {
            boosts.put((String) fieldAndBoost[i], ((Number) fieldAndBoost[i + 1]).floatValue());
        }
        return boosts;
    }
}
