package cn.invoicehelp.knowledge.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tuning aid: for each line of a query file prints the top hits with score and coverage, or with {@code --tsv} one
 * row of confidence features per query (expected, top-1 slug, coverage of the top three, scores).
 */
public class FaqProbe {

    public static void main(String[] args) throws Exception {
        FaqIndex index = FaqIndex.load(Path.of("knowledge-base"), SearchTuning.DEFAULT);
        boolean tsv = args.length > 1 && args[1].equals("--tsv");
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] parts = line.split("\t");
            String q = parts[0];
            if (q.isBlank() || q.equals("query")) {
                continue;
            }
            List<TextIndex.Hit> hits = index.rank(q).stream().limit(3).toList();
            if (tsv) {
                StringBuilder row = new StringBuilder(q).append('\t').append(parts.length > 1 ? parts[1] : "?");
                for (TextIndex.Hit hit : hits) {
                    row.append('\t').append(hit.id()).append('\t').append(String.format("%.3f\t%.2f",
                            hit.coverage(), hit.score()));
                }
                System.out.println(row);
                continue;
            }
            FaqIndex.Decision d = index.decide(q);
            System.out.printf("%s  p=%.2f %s scope=%s%n", q, d.probability(), d.features(),
                    d.scope().map(m -> m.topic().id() + String.format(" %.2f", m.coverage())).orElse("-"));
            for (TextIndex.Hit hit : hits) {
                System.out.printf("   %-28s score %.2f coverage %.2f%n", hit.id(), hit.score(), hit.coverage());
            }
        }
    }
}
