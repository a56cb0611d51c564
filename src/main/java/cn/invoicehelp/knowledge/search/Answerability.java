package cn.invoicehelp.knowledge.search;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Whether the best article answers a question, as a calibrated probability: a logistic model over signals the
 * engine already computes (see {@link Features}). The weights are data ({@code knowledge-base/answerability.yml},
 * written by the test-scope training tool from labelled question sets); without the file, the older single coverage
 * threshold decides.
 */
final class Answerability {

    /**
     * The signals of one search.
     *
     * @param coverage        IDF-weighted share of the question's words the top article contains
     * @param nearbyCoverage  the best coverage among the first three articles
     * @param score           log(1 + BM25 score of the top article, closest question included)
     * @param questionScore   log(1 + score of the top article's closest listed question)
     * @param margin          how far the top article is ahead of the runner-up (share of its score)
     * @param unknown         IDF-weighted share of the question's words that no article contains at all
     * @param length          log(1 + number of meaningful words)
     * @param scopeCoverage   how much of the question the best out-of-scope topic's examples cover, times how close
     *                        its score comes to the top article's (a topic far behind hardly counts)
     * @param scopeLead       how far that topic scores ahead of the top article (negative: behind; -1 none)
     */
    record Features(double coverage, double nearbyCoverage, double score, double questionScore, double margin,
            double unknown, double length, double scopeCoverage, double scopeLead) {

        static final List<String> NAMES = List.of("coverage", "nearbyCoverage", "score", "questionScore", "margin",
                "unknown", "length", "scopeCoverage", "scopeLead");

        static final Features NONE = new Features(0, 0, 0, 0, 0, 1, 0, 0, -1);

        double[] vector() {
            return new double[] {coverage, nearbyCoverage, score, questionScore, margin, unknown, length,
                    scopeCoverage, scopeLead};
        }
    }

    private final double[] weights;
    private final double bias;
    private final double threshold;
    private final double scopeThreshold;
    private final SearchTuning tuning;

    private Answerability(double[] weights, double bias, double threshold, double scopeThreshold,
            SearchTuning tuning) {
        this.weights = weights;
        this.bias = bias;
        this.threshold = threshold;
        this.scopeThreshold = scopeThreshold;
        this.tuning = tuning;
    }

    /** The rule before the model: coverage of the top article (or a fair part of it with a close neighbour). */
    static Answerability coverageRule(SearchTuning tuning) {
        return new Answerability(null, 0, 0.5, 0.5, tuning);
    }

    static Answerability model(double[] weights, double bias, double threshold, double scopeThreshold) {
        return new Answerability(weights.clone(), bias, threshold, scopeThreshold, null);
    }

    /** Reads the model file; a missing file falls back to the coverage rule, a broken one fails naming the file. */
    static Answerability load(Path file, SearchTuning tuning) {
        if (!Files.isRegularFile(file)) {
            return coverageRule(tuning);
        }
        try {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(file, StandardCharsets.UTF_8));
            Map<?, ?> map = (Map<?, ?>) root;
            Map<?, ?> raw = (Map<?, ?>) map.get("weights");
            double[] weights = new double[Features.NAMES.size()];
            for (int i = 0; i < weights.length; i++) {
                Object w = raw.get(Features.NAMES.get(i));
                if (!(w instanceof Number n)) {
                    throw new IllegalArgumentException("缺少权重 " + Features.NAMES.get(i));
                }
                weights[i] = n.doubleValue();
            }
            return model(weights, number(map, "bias"), number(map, "threshold"), number(map, "scopeThreshold"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file.getFileName() + ": 无法读取回答判定模型: " + e.getMessage(), e);
        }
    }

    private static double number(Map<?, ?> map, String key) {
        if (!(map.get(key) instanceof Number n)) {
            throw new IllegalArgumentException("缺少 " + key);
        }
        return n.doubleValue();
    }

    /** Probability that naming the top article answers the question; the coverage rule answers 0 or 1. */
    double probability(Features f) {
        if (weights == null) {
            boolean confident = f.score() >= Math.log1p(tuning.minScore()) && (f.coverage() >= tuning.minCoverage()
                    || (f.coverage() >= tuning.minCoverage() * 2 / 3 && f.nearbyCoverage() >= tuning.minCoverage()));
            return confident ? 1 : 0;
        }
        return sigmoid(bias + dot(weights, f.vector()));
    }

    boolean confident(Features f) {
        return probability(f) >= threshold;
    }

    double threshold() {
        return threshold;
    }

    /** The least coverage by an out-of-scope topic for an unanswered question to get that topic's answer. */
    double scopeThreshold() {
        return scopeThreshold;
    }

    boolean isModel() {
        return weights != null;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Override
    public String toString() {
        return weights == null ? "coverage rule" : "logistic " + Arrays.toString(weights) + " bias " + bias;
    }
}
