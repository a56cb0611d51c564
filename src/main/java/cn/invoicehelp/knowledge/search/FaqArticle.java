package cn.invoicehelp.knowledge.search;

import java.util.List;

/** One knowledge-base article as loaded from its Markdown file (public: the index hands it out). */
public record FaqArticle(String slug, String title, String category, List<String> questions, List<String> keywords,
        List<String> related, String html, String text, List<String> passages) {

    FaqArticle(String slug, String title, String category, List<String> questions, List<String> keywords,
            List<String> related, String html, String text) {
        this(slug, title, category, questions, keywords, related, html, text, List.of(text));
    }
}
