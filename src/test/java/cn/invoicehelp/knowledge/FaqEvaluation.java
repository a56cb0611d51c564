package cn.invoicehelp.knowledge;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Runs a query file ({@code query<TAB>slug|slug or -}) against the FAQ index and, side by side, against a plain
 * single-field StandardAnalyzer BM25 baseline over the same articles. See README for the command.
 */
public class FaqEvaluation {

    record Case(String query, Set<String> expected) {
        boolean outOfDomain() {
            return expected.isEmpty();
        }
    }

    record Ranking(String bestMatch, List<String> top) {
    }

    record Figures(int inDomain, int top1, int top3, int outOfDomain, int rejected, List<String> misses) {
        double top1Rate() {
            return inDomain == 0 ? 1 : (double) top1 / inDomain;
        }

        double top3Rate() {
            return inDomain == 0 ? 1 : (double) top3 / inDomain;
        }

        double rejectionRate() {
            return outOfDomain == 0 ? 1 : (double) rejected / outOfDomain;
        }

        String line(String name) {
            return String.format("%-34s top-1 %5.1f%% (%d/%d)  top-3 %5.1f%% (%d/%d)  out-of-domain rejected %5.1f%% (%d/%d)",
                    name, 100 * top1Rate(), top1, inDomain, 100 * top3Rate(), top3, inDomain, 100 * rejectionRate(),
                    rejected, outOfDomain);
        }
    }

    static List<Case> read(Path file) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t");
            if (parts.length < 2 || line.startsWith("query\t") || line.isBlank()) {
                continue;
            }
            String expected = parts[1].strip();
            cases.add(new Case(parts[0].strip(), expected.equals("-") ? Set.of()
                    : Set.copyOf(Arrays.asList(expected.split("\\|")))));
        }
        return cases;
    }

    static Figures evaluate(List<Case> cases, BiFunction<String, Integer, Ranking> engine) {
        int inDomain = 0, top1 = 0, top3 = 0, ood = 0, rejected = 0;
        List<String> misses = new ArrayList<>();
        for (Case c : cases) {
            Ranking ranking = engine.apply(c.query(), 3);
            if (c.outOfDomain()) {
                ood++;
                if (ranking.bestMatch() == null) {
                    rejected++;
                } else {
                    misses.add("OOD accepted: " + c.query() + " -> " + ranking.bestMatch());
                }
                continue;
            }
            inDomain++;
            if (ranking.bestMatch() != null && c.expected().contains(ranking.bestMatch())) {
                top1++;
            } else {
                misses.add("top-1 miss: " + c.query() + " expected " + c.expected() + " got " + ranking.bestMatch()
                        + " " + ranking.top());
            }
            if (ranking.top().stream().anyMatch(c.expected()::contains)) {
                top3++;
            }
        }
        return new Figures(inDomain, top1, top3, ood, rejected, misses);
    }

    static BiFunction<String, Integer, Ranking> engine(FaqIndex index) {
        return (query, n) -> {
            SearchResponse response = index.search(query, n);
            return new Ranking(response.bestMatch(), response.results().stream().map(SearchResponse.SearchHit::slug)
                    .toList());
        };
    }

    /** The plain baseline: one text field, StandardAnalyzer (single CJK characters), default BM25, always answers. */
    static BiFunction<String, Integer, Ranking> baseline(List<FaqArticle> articles) throws IOException {
        StandardAnalyzer analyzer = new StandardAnalyzer();
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (FaqArticle article : articles) {
                Document doc = new Document();
                doc.add(new StringField("slug", article.slug(), Field.Store.YES));
                doc.add(new TextField("text", String.join("\n", article.title(), String.join("\n",
                        article.questions()), String.join(" ", article.keywords()), article.text()), Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
        return (query, n) -> {
            try {
                QueryParser parser = new QueryParser("text", analyzer);
                ScoreDoc[] hits = searcher.search(parser.parse(QueryParser.escape(query)), n).scoreDocs;
                List<String> top = new ArrayList<>();
                for (ScoreDoc hit : hits) {
                    top.add(searcher.storedFields().document(hit.doc).get("slug"));
                }
                return new Ranking(top.isEmpty() ? null : top.get(0), top);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    public static void main(String[] args) throws IOException {
        Path queries = Path.of(args.length > 0 ? args[0] : "../shared/eval/faq-dev.tsv");
        Path kb = Path.of(args.length > 1 ? args[1] : "knowledge-base");
        List<Case> cases = read(queries);
        FaqIndex index = KnowledgeBase.index(kb, SearchTuning.DEFAULT);
        Figures ours = evaluate(cases, engine(index));
        Figures plain = evaluate(cases, baseline(index.articles()));
        System.out.println("queries: " + queries + " (" + cases.size() + "), articles: " + index.articles().size());
        System.out.println(ours.line("smartcn+bigrams+synonyms (ours)"));
        System.out.println(plain.line("StandardAnalyzer BM25 baseline"));
        ours.misses().forEach(miss -> System.out.println("  " + miss));
    }
}
