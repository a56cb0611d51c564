package cn.invoicehelp.knowledge;

/** Boosts, BM25 parameters and the confidence rule of the FAQ search, kept together so the evaluation can vary them. */
record SearchTuning(float k1, float b, float titleBoost, float questionBoost, float keywordBoost, float bodyBoost,
        float unigramWeight, float closestQuestionWeight, double minCoverage, double minScore) {

    /** BM25 with little length normalisation: questions are short, article bodies are not. */
    static final SearchTuning DEFAULT = new SearchTuning(1.2f, 0.35f, 2.0f, 3.0f, 2.0f, 0.6f, 0.25f, 1.0f, 0.45, 1.0);

    SearchTuning withConfidence(double coverage, double score) {
        return new SearchTuning(k1, b, titleBoost, questionBoost, keywordBoost, bodyBoost, unigramWeight,
                closestQuestionWeight, coverage,
                score);
    }
}
