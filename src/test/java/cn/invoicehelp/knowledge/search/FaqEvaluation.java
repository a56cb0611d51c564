package cn.invoicehelp.knowledge.search;

import cn.invoicehelp.knowledge.SearchResponse;
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

    /**
     * One labelled question. {@code expected} is empty for a question this FAQ must not answer; the optional third
     * column says which kind: {@code near:<topic>} (an invoice question of a neighbouring topic in scope.yml) or
     * {@code far} (nothing to do with invoices).
     */
    record Case(String query, Set<String> expected, String kind) {
        boolean outOfDomain() {
            return expected.isEmpty();
        }

        boolean near() {
            return kind != null && kind.startsWith("near");
        }

        String nearTopic() {
            return kind != null && kind.startsWith("near:") ? kind.substring(5) : null;
        }
    }

    record Ranking(String bestMatch, List<String> top, String outOfScope, double probability) {
        Ranking(String bestMatch, List<String> top) {
            this(bestMatch, top, null, Double.NaN);
        }
    }

    /** Counts of one run; calibration compares each confident answer's probability with whether it was right. */
    record Figures(int inDomain, int top1, int top3, int outOfDomain, int rejected, int near, int nearRejected,
            int nearRouted, int answered, int answeredRight, double[] binP, int[] binN, int[] binRight,
            List<String> misses) {
        double top1Rate() {
            return inDomain == 0 ? 1 : (double) top1 / inDomain;
        }

        double top3Rate() {
            return inDomain == 0 ? 1 : (double) top3 / inDomain;
        }

        double rejectionRate() {
            return outOfDomain == 0 ? 1 : (double) rejected / outOfDomain;
        }

        double farRejectionRate() {
            int far = outOfDomain - near;
            return far == 0 ? 1 : (double) (rejected - nearRejected) / far;
        }

        double nearRejectionRate() {
            return near == 0 ? 1 : (double) nearRejected / near;
        }

        /** How often a confident answer is right. */
        double precision() {
            return answered == 0 ? 1 : (double) answeredRight / answered;
        }

        /** Expected calibration error over five probability bins (only for an engine that gives probabilities). */
        double calibrationError() {
            int total = 0;
            double error = 0;
            for (int b = 0; b < binN.length; b++) {
                if (binN[b] > 0) {
                    error += Math.abs(binP[b] / binN[b] - (double) binRight[b] / binN[b]) * binN[b];
                    total += binN[b];
                }
            }
            return total == 0 ? Double.NaN : error / total;
        }

        String line(String name) {
            return String.format(java.util.Locale.ROOT, "%-30s top-1 %5.1f%% (%d/%d)  top-3 %5.1f%%  far rejected %5.1f%% (%d/%d)"
                            + "  near rejected %5.1f%% (%d/%d, %d to their topic)  confident answers right %5.1f%% (%d/%d)  ECE %s",
                    name, 100 * top1Rate(), top1, inDomain, 100 * top3Rate(), 100 * farRejectionRate(),
                    rejected - nearRejected, outOfDomain - near, 100 * nearRejectionRate(), nearRejected, near,
                    nearRouted, 100 * precision(), answeredRight, answered,
                    Double.isNaN(calibrationError()) ? "-" : String.format(java.util.Locale.ROOT, "%.3f", calibrationError()));
        }

        String markdown(String set, String engine) {
            return String.format(java.util.Locale.ROOT, "| %s | %s | %.1f %% (%d/%d) | %.1f %% | %s | %s | %.1f %% (%d/%d) | %s |",
                    set, engine, 100 * top1Rate(), top1, inDomain, 100 * top3Rate(),
                    outOfDomain - near == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.1f %% (%d/%d)", 100 * farRejectionRate(),
                            rejected - nearRejected, outOfDomain - near),
                    near == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.1f %% (%d/%d), %d to their topic", 100 * nearRejectionRate(),
                            nearRejected, near, nearRouted),
                    100 * precision(), answeredRight, answered,
                    Double.isNaN(calibrationError()) ? "–" : String.format(java.util.Locale.ROOT, "%.3f", calibrationError()));
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
                    : Set.copyOf(Arrays.asList(expected.split("\\|"))),
                    parts.length > 2 && !parts[2].isBlank() ? parts[2].strip() : null));
        }
        return cases;
    }

    static Figures evaluate(List<Case> cases, BiFunction<String, Integer, Ranking> engine) {
        int inDomain = 0, top1 = 0, top3 = 0, ood = 0, rejected = 0, near = 0, nearRejected = 0, nearRouted = 0;
        int answered = 0, answeredRight = 0;
        double[] binP = new double[5];
        int[] binN = new int[5];
        int[] binRight = new int[5];
        List<String> misses = new ArrayList<>();
        for (Case c : cases) {
            Ranking ranking = engine.apply(c.query(), 3);
            boolean right = ranking.bestMatch() != null && c.expected().contains(ranking.bestMatch());
            if (ranking.bestMatch() != null) {
                answered++;
                answeredRight += right ? 1 : 0;
            }
            if (!Double.isNaN(ranking.probability())) {
                // Calibration: the probability that the top article answers, against whether it does.
                boolean topRight = !ranking.top().isEmpty() && c.expected().contains(ranking.top().get(0));
                int bin = Math.min(4, (int) (ranking.probability() * 5));
                binP[bin] += ranking.probability();
                binN[bin]++;
                binRight[bin] += topRight ? 1 : 0;
            }
            if (c.outOfDomain()) {
                ood++;
                near += c.near() ? 1 : 0;
                if (ranking.bestMatch() == null) {
                    rejected++;
                    if (c.near()) {
                        nearRejected++;
                        nearRouted += c.nearTopic() != null && c.nearTopic().equals(ranking.outOfScope()) ? 1 : 0;
                    }
                    if (c.near() && !java.util.Objects.equals(c.nearTopic(), ranking.outOfScope())) {
                        misses.add("near, other topic: " + c.query() + " expected " + c.nearTopic() + " got "
                                + ranking.outOfScope());
                    }
                } else {
                    misses.add((c.near() ? "NEAR" : "OOD") + " accepted: " + c.query() + " -> " + ranking.bestMatch()
                            + String.format(java.util.Locale.ROOT, " (p %.2f)", ranking.probability()));
                }
                continue;
            }
            inDomain++;
            if (right) {
                top1++;
            } else {
                misses.add("top-1 miss: " + c.query() + " expected " + c.expected() + " got " + ranking.bestMatch()
                        + " " + ranking.top() + String.format(java.util.Locale.ROOT, " (p %.2f)", ranking.probability())
                        + (ranking.outOfScope() == null ? "" : " out of scope: " + ranking.outOfScope()));
            }
            if (ranking.top().stream().anyMatch(c.expected()::contains)) {
                top3++;
            }
        }
        return new Figures(inDomain, top1, top3, ood, rejected, near, nearRejected, nearRouted, answered,
                answeredRight, binP, binN, binRight, misses);
    }

    static BiFunction<String, Integer, Ranking> engine(FaqIndex index) {
        return (query, n) -> {
            SearchResponse response = index.search(query, n);
            double p = index.answerability().isModel() ? index.decide(query).probability() : Double.NaN;
            return new Ranking(response.bestMatch(), response.results().stream().map(SearchResponse.SearchHit::slug)
                    .toList(), response.outOfScope() == null ? null : response.outOfScope().topic(), p);
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

    /**
     * Arguments: query files, then optionally {@code --kb <dir>} (default knowledge-base) and {@code --before <dir>}
     * (a knowledge base to run with the coverage rule, e.g. the files before a change). Prints one line per file and
     * engine, the misses of the current engine, and the same figures as Markdown table rows.
     */
    public static void main(String[] args) throws IOException {
        List<Path> files = new ArrayList<>();
        Path kb = Path.of("knowledge-base");
        Path before = null;
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kb" -> kb = Path.of(args[++i]);
                case "--before" -> before = Path.of(args[++i]);
                case "--misses" -> verbose = true;
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            files.add(Path.of("docs/eval/faq-dev.tsv"));
        }
        FaqIndex index = FaqIndex.load(kb, SearchTuning.DEFAULT);
        FaqIndex rule = index.withAnswerability(Answerability.coverageRule(SearchTuning.DEFAULT));
        FaqIndex old = before == null ? null : FaqIndex.load(before, SearchTuning.DEFAULT)
                .withAnswerability(Answerability.coverageRule(SearchTuning.DEFAULT));
        List<String> table = new ArrayList<>();
        for (Path file : files) {
            List<Case> cases = read(file);
            System.out.println("queries: " + file + " (" + cases.size() + "), articles: " + index.articles().size()
                    + ", decision: " + index.answerability());
            String name = file.getFileName().toString();
            if (old != null) {
                Figures f = evaluate(cases, engine(old));
                System.out.println(f.line("before (old content, rule)"));
                table.add(f.markdown(name, "before"));
            }
            Figures r = evaluate(cases, engine(rule));
            System.out.println(r.line("coverage rule"));
            table.add(r.markdown(name, "coverage rule"));
            Figures ours = evaluate(cases, engine(index));
            System.out.println(ours.line("answerability model"));
            table.add(ours.markdown(name, "after (model)"));
            if (verbose) {
                ours.misses().forEach(miss -> System.out.println("  " + miss));
            }
        }
        table.forEach(System.out::println);
    }
}
