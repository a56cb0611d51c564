package cn.invoicehelp.knowledge.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits the answerability model (a logistic regression over {@link Answerability.Features}) on labelled question
 * sets and writes {@code knowledge-base/answerability.yml}. A row's label is 1 when the top-ranked article is one of
 * the expected ones (naming it would be right), 0 otherwise and for every out-of-domain or near-domain row. The
 * threshold is the one that makes the fewest wrong decisions on the training rows; the scope threshold the one that
 * routes the most unanswered near-domain rows to their topic without sending other rows there.
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=cn.invoicehelp.knowledge.search.AnswerabilityTraining \
 *   -Dexec.args="knowledge-base src/test/resources/eval/faq-dev.tsv docs/eval/faq-paraphrases.tsv ..."
 * </pre>
 * Never pass the held-out set ({@code docs/eval/faq-heldout.tsv}): it measures what the model was not fitted on.
 */
public class AnswerabilityTraining {

    private static final double L2 = 0.01;
    private static final int EPOCHS = 30000;
    private static final double RATE = 0.5;

    record Row(String query, double[] x, int y, FaqEvaluation.Case c, FaqIndex.Decision decision, String top) {
    }

    public static void main(String[] args) throws IOException {
        Path kb = Path.of(args[0]);
        List<Path> sets = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].contains("heldout")) {
                throw new IllegalArgumentException("the held-out set is for measuring only: " + args[i]);
            }
            sets.add(Path.of(args[i]));
        }
        FaqIndex index = FaqIndex.loadWithoutModel(kb, SearchTuning.DEFAULT);
        List<Row> rows = new ArrayList<>();
        for (Path set : sets) {
            for (FaqEvaluation.Case c : FaqEvaluation.read(set)) {
                FaqIndex.Ranking ranking = index.ranking(c.query());
                FaqIndex.Decision decision = index.decide(c.query(), ranking);
                String top = ranking.hits().isEmpty() ? null : ranking.hits().get(0).id();
                int y = !c.outOfDomain() && top != null && c.expected().contains(top) ? 1 : 0;
                rows.add(new Row(c.query(), decision.features().vector(), y, c, decision, top));
            }
        }
        int n = Answerability.Features.NAMES.size();
        double[] mean = new double[n];
        double[] sd = new double[n];
        for (Row row : rows) {
            for (int j = 0; j < n; j++) {
                mean[j] += row.x()[j] / rows.size();
            }
        }
        for (Row row : rows) {
            for (int j = 0; j < n; j++) {
                sd[j] += Math.pow(row.x()[j] - mean[j], 2) / rows.size();
            }
        }
        for (int j = 0; j < n; j++) {
            sd[j] = Math.max(Math.sqrt(sd[j]), 1e-6);
        }
        // Gradient descent on standardised features (well conditioned), weights mapped back to raw features.
        double[] w = new double[n];
        double b = 0;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            double[] gw = new double[n];
            double gb = 0;
            for (Row row : rows) {
                double[] z = standardise(row.x(), mean, sd);
                double err = Answerability.sigmoid(b + Answerability.dot(w, z)) - row.y();
                for (int j = 0; j < n; j++) {
                    gw[j] += err * z[j] / rows.size();
                }
                gb += err / rows.size();
            }
            for (int j = 0; j < n; j++) {
                w[j] -= RATE * (gw[j] + L2 * w[j]);
            }
            b -= RATE * gb;
        }
        double[] raw = new double[n];
        double shift = b;
        for (int j = 0; j < n; j++) {
            raw[j] = w[j] / sd[j];
            shift -= w[j] * mean[j] / sd[j];
        }
        double bias = shift;
        double[] p = rows.stream().mapToDouble(r -> Answerability.sigmoid(bias + Answerability.dot(raw, r.x())))
                .toArray();
        double threshold = bestThreshold(rows, p);
        double scopeThreshold = bestScopeThreshold(rows, p, threshold);
        write(kb.resolve("answerability.yml"), raw, bias, threshold, scopeThreshold, sets, rows.size());
        System.out.printf(Locale.ROOT, "rows %d (positive %d), threshold %.2f, scope threshold %.2f%n", rows.size(),
                rows.stream().filter(r -> r.y() == 1).count(), threshold, scopeThreshold);
        for (int j = 0; j < n; j++) {
            System.out.printf(Locale.ROOT, "  %-15s %8.3f%n", Answerability.Features.NAMES.get(j), raw[j]);
        }
        System.out.printf(Locale.ROOT, "  %-15s %8.3f%n", "bias", bias);
    }

    private static double[] standardise(double[] x, double[] mean, double[] sd) {
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - mean[j]) / sd[j];
        }
        return z;
    }

    /** Fewest wrong decisions: answering a row labelled 0, or declining a row labelled 1. */
    private static double bestThreshold(List<Row> rows, double[] p) {
        double best = 0.5;
        int fewest = Integer.MAX_VALUE;
        for (int t = 5; t <= 95; t++) {
            double threshold = t / 100.0;
            int wrong = 0;
            for (int i = 0; i < rows.size(); i++) {
                boolean answer = p[i] >= threshold;
                wrong += answer != (rows.get(i).y() == 1) ? 1 : 0;
            }
            if (wrong < fewest || wrong == fewest && Math.abs(threshold - 0.5) < Math.abs(best - 0.5)) {
                fewest = wrong;
                best = threshold;
            }
        }
        return best;
    }

    /** Among declined rows: near-domain rows sent to their topic, minus other rows sent to any topic. */
    private static double bestScopeThreshold(List<Row> rows, double[] p, double threshold) {
        double best = 0.5;
        int bestGain = Integer.MIN_VALUE;
        for (int t = 20; t <= 95; t += 5) {
            double s = t / 100.0;
            int gain = 0;
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                if (p[i] >= threshold || row.decision().scope().isEmpty()) {
                    continue;
                }
                Scope.Match m = row.decision().scope().get();
                if (m.coverage() < s || m.coverage() < row.decision().features().nearbyCoverage()) {
                    continue;
                }
                String near = row.c().nearTopic();
                gain += near != null && near.equals(m.topic().id()) ? 1 : -1;
            }
            if (gain > bestGain) {
                bestGain = gain;
                best = s;
            }
        }
        return best;
    }

    private static void write(Path file, double[] w, double bias, double threshold, double scopeThreshold,
            List<Path> sets, int rows) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# 回答判定模型（逻辑回归）：由 AnswerabilityTraining 根据带标注的问题集生成，请勿手改。\n");
        out.append("# 命令与效果见 docs/benchmarks.md。训练集：").append(sets.stream().map(Path::toString).toList())
                .append("，共 ").append(rows).append(" 行；留出集不参与训练。\n");
        out.append("weights:\n");
        for (int j = 0; j < w.length; j++) {
            out.append(String.format(Locale.ROOT, "  %s: %.4f%n", Answerability.Features.NAMES.get(j), w[j]));
        }
        out.append(String.format(Locale.ROOT, "bias: %.4f%nthreshold: %.2f%nscopeThreshold: %.2f%n", bias,
                threshold, scopeThreshold));
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    }
}
