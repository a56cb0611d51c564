package cn.invoicehelp.knowledge.search;

/**
 * BM25 parameters, field boosts and the confidence rule of the FAQ search, kept together so the evaluation can vary
 * them. The "head" of an article is its title, questions and keywords; the body is the answer text.
 */
public record SearchTuning(float k1, float b, float headBoost, float bodyBoost, float keywordBoost, float unigramWeight,
        float closestQuestionWeight, double minCoverage, double minScore) {

    /** BM25 with little length normalisation: questions are short, article bodies are not. */
    public static final SearchTuning DEFAULT = new SearchTuning(1.2f, 0.35f, 3.0f, 0.6f, 1.0f, 0.25f, 1.0f, 0.45, 1.0);

    public SearchTuning withConfidence(double coverage, double score) {
        return new SearchTuning(k1, b, headBoost, bodyBoost, keywordBoost, unigramWeight, closestQuestionWeight,
                coverage, score);
    }
}
