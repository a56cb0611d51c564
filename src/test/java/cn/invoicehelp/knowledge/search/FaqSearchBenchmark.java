package cn.invoicehelp.knowledge.search;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * In-process search latency on the real knowledge base and on a generated 100,000-article one.
 * Run: {@code mvn -B -q test -Dtest=FaqSearchBenchmark} (figures in docs/benchmarks.md).
 */
class FaqSearchBenchmark {

    private static final int WARMUP = 2_000;
    private static final int RUNS = 20_000;

    @Test
    void measuresSearchLatency() throws Exception {
        FaqIndex real = FaqIndex.load(Path.of("knowledge-base"), SearchTuning.DEFAULT);
        List<String> queries = queries(real);
        System.out.printf("real KB (%d articles): %s%n", real.articles().size(), latency(real, queries));

        int size = Integer.getInteger("faq.bench.articles", 100_000);
        List<FaqArticle> generated = generate(real.articles(), size, new Random(42));
        long start = System.nanoTime();
        FaqIndex big = new FaqIndex(generated, Synonyms.load(Path.of("knowledge-base/synonyms.txt")),
                FaqIndex.readWords(Path.of("knowledge-base/stopwords.txt")), SearchTuning.DEFAULT);
        System.out.printf("generated KB (%d articles): index build %.1f s; %s%n", size,
                (System.nanoTime() - start) / 1e9, latency(big, queries));
    }

    private static List<String> queries(FaqIndex index) {
        List<String> queries = new ArrayList<>();
        index.articles().forEach(article -> queries.addAll(article.questions()));
        return queries;
    }

    private static String latency(FaqIndex index, List<String> queries) {
        for (int i = 0; i < WARMUP; i++) {
            index.search(queries.get(i % queries.size()), 5);
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            index.search(queries.get(i % queries.size()), 5);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return String.format("search p50 %.3f ms, p99 %.3f ms, max %.3f ms over %d queries",
                nanos[RUNS / 2] / 1e6, nanos[RUNS * 99 / 100] / 1e6, nanos[RUNS - 1] / 1e6, RUNS);
    }

    /** Articles whose sentences are shuffled from the real ones: realistic vocabulary and lengths, no duplicates. */
    static List<FaqArticle> generate(List<FaqArticle> seeds, int count, Random random) {
        List<String> sentences = new ArrayList<>();
        seeds.forEach(a -> sentences.addAll(Arrays.asList(a.text().split("[。\\n]"))));
        sentences.removeIf(String::isBlank);
        List<String> questions = new ArrayList<>();
        seeds.forEach(a -> questions.addAll(a.questions()));
        List<FaqArticle> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            FaqArticle seed = seeds.get(random.nextInt(seeds.size()));
            StringBuilder body = new StringBuilder();
            for (int s = 0; s < 6; s++) {
                body.append(sentences.get(random.nextInt(sentences.size()))).append('。');
            }
            List<String> qs = List.of(questions.get(random.nextInt(questions.size())),
                    questions.get(random.nextInt(questions.size())), questions.get(random.nextInt(questions.size())));
            out.add(new FaqArticle("gen-" + i, seed.title() + " " + i, seed.category(), qs, seed.keywords(),
                    List.of(), "", body.toString()));
        }
        return out;
    }
}
