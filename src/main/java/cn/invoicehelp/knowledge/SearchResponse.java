package cn.invoicehelp.knowledge;

import java.util.List;

/** The answer to {@code GET /api/faq/search}: a contract, field names must not change. */
public record SearchResponse(String query, String bestMatch, List<SearchHit> results) {

    /** One ranked article; {@code snippet} is HTML with the matched words in {@code <mark>}. */
    public record SearchHit(String slug, String title, String category, String snippet, float score) {
    }
}
