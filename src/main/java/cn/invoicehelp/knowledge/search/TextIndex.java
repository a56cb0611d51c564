package cn.invoicehelp.knowledge.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    /** The part of an id before its '#' (e.g. the article of a passage): a cheap filter to one group's documents. */
    static final String GROUP = "group";
    /** A field of exact keywords: matched when the question contains one, never analysed. */
    static final String KEYWORDS = "kw";
    private static final String ALL = Coverage.WORDS;
    private static final String ALL_BIGRAMS = Coverage.BIGRAMS;
    private static final FieldType ALL_TYPE = allType();
    private static final FieldType HIGHLIGHTED = highlighted();

    /** A document to index: its id and the texts of each logical field. */
    record Doc(String id, Map<String, List<String>> fields, Map<String, String> stored) {
    }

    /** A ranked document: Lucene doc id, its id, BM25 score and confidence in [0,1]. */
    record Hit(int docId, String id, float score, double coverage) {
    }

    private final Analyzer analyzer = ChineseAnalyzers.perField();
    private final Map<String, Float> boosts;
    private final Synonyms synonyms;
    private final Set<String> stopwords;
    private final SearchTuning tuning;
    private final IndexSearcher searcher;
    private final Coverage coverage;
    private final String[] ids;
    private final Set<String> keywords = new java.util.HashSet<>();
    private final TextQueries queries;

    TextIndex(List<Doc> docs, Map<String, Float> boosts, Synonyms synonyms, Set<String> stopwords,
            SearchTuning tuning) {
        this.boosts = boosts;
        this.synonyms = synonyms;
        this.tuning = tuning;
        try {
            // Whole-array files: the default many-buffer inputs cost more to clone and slice than the search itself.
            ByteBuffersDirectory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
                    ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_BYTE_ARRAY);
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(similarity())
                    .setCodec(InMemoryIndexes.codec());
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (Doc doc : docs) {
                    writer.addDocument(toLucene(doc));
                }
                writer.addDocument(new Document()); // an empty index still has a segment to read
                writer.forceMerge(1); // one segment: coverage reads its postings directly
            }
            searcher = new IndexSearcher(InMemoryIndexes.open(directory));
            searcher.setSimilarity(similarity());
            coverage = new Coverage(searcher.getIndexReader(), synonyms, stopwords);
            this.stopwords = stopwords;
            // Reading stored fields per hit costs more than the search itself: keep the ids in memory.
            ids = new String[searcher.getIndexReader().maxDoc()];
            var stored = searcher.storedFields();
            for (int doc = 0; doc < ids.length; doc++) {
                ids[doc] = stored.document(doc, java.util.Set.of(ID)).get(ID);
            }
            queries = new TextQueries(boosts, keywords, tuning,
                    new Vocabulary(searcher.getIndexReader(), TextQueries.fields(boosts)));
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
        int hash = doc.id().lastIndexOf('#');
        if (hash > 0) {
            lucene.add(new StringField(GROUP, doc.id().substring(0, hash), Field.Store.NO));
        }
        StringBuilder all = new StringBuilder();
        doc.fields().forEach((name, texts) -> {
            if (name.equals(KEYWORDS)) {
                texts.stream().map(k -> k.strip().toLowerCase(java.util.Locale.ROOT)).filter(k -> !k.isEmpty())
                        .forEach(k -> {
                            keywords.add(k);
                            lucene.add(new StringField(KEYWORDS, k, Field.Store.NO));
                        });
                return;
            }
            for (String text : texts) {
                String expanded = synonyms.expand(text);
                lucene.add(new TextField(name + ChineseAnalyzers.WORDS, expanded, Field.Store.NO));
                lucene.add(new TextField(name + ChineseAnalyzers.BIGRAMS, expanded, Field.Store.NO));
                all.append(expanded).append('\n');
            }
        });
        lucene.add(new Field(ALL, all.toString(), ALL_TYPE));
        lucene.add(new Field(ALL_BIGRAMS, all.toString(), ALL_TYPE));
        // Stored texts are kept for display; a bigram one is also indexed with offsets so the highlighter reads
        // match positions from the index instead of analysing the text again for every hit.
        doc.stored().forEach((name, value) -> lucene.add(name.endsWith(ChineseAnalyzers.BIGRAMS)
                ? new Field(name, value, HIGHLIGHTED) : new StoredField(name, value)));
        return lucene;
    }

    /** The scoring query for a user's text; all input is treated as plain text, never as query syntax. */
    Query query(String text) {
        return analysis(text).derived(queries, queries::build);
    }

    /** The text analysed once for every index sharing these synonyms and stopwords. */
    QueryAnalysis analysis(String text) {
        return QueryAnalysis.of(text, synonyms, stopwords);
    }

    List<Hit> search(String text, int limit) {
        return search(text, limit, true);
    }

    /** The hits with the coverage of the first {@code n} computed (the rest keep theirs). */
    List<Hit> withCoverage(List<Hit> hits, String text, int n) {
        int[] docIds = hits.stream().limit(n).mapToInt(Hit::docId).toArray();
        double[] covered = coverage.of(docIds, coverage.terms(analysis(text)));
        List<Hit> out = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            Hit hit = hits.get(i);
            out.add(i < docIds.length ? new Hit(hit.docId(), hit.id(), hit.score(), covered[i]) : hit);
        }
        return out;
    }

    /** Ranked documents among those {@code filter} matches (not scored), without coverage. */
    List<Hit> search(String text, int limit, Query filter) {
        try {
            Query query = new org.apache.lucene.search.BooleanQuery.Builder()
                    .add(query(text), org.apache.lucene.search.BooleanClause.Occur.MUST)
                    .add(filter, org.apache.lucene.search.BooleanClause.Occur.FILTER).build();
            ScoreDoc[] top = searcher.search(query, Math.max(limit, 1)).scoreDocs;
            List<Hit> hits = new ArrayList<>(top.length);
            for (ScoreDoc scoreDoc : top) {
                hits.add(new Hit(scoreDoc.doc, ids[scoreDoc.doc], scoreDoc.score, 0));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ranked documents; coverage is only computed when asked for (it reads each hit's term vectors). */
    List<Hit> search(String text, int limit, boolean withCoverage) {
        try {
            ScoreDoc[] top = searcher.search(query(text), Math.max(limit, 1)).scoreDocs;
            List<Hit> hits = new ArrayList<>(top.length);
            for (ScoreDoc scoreDoc : top) {
                hits.add(new Hit(scoreDoc.doc, ids[scoreDoc.doc], scoreDoc.score, 0));
            }
            return withCoverage ? withCoverage(hits, text, hits.size()) : hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Share of the text's meaningful words (IDF-weighted) that no document of this index contains. */
    double unknownShare(String text) {
        return coverage.unknownShare(coverage.terms(analysis(text)));
    }

    /** Number of meaningful words of the text (stopwords, numbers aside). */
    int termCount(String text) {
        return coverage.terms(analysis(text)).size();
    }

    IndexSearcher searcher() {
        return searcher;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    private static FieldType highlighted() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static FieldType allType() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS);
        type.setTokenized(true);
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
