package cn.invoicehelp.knowledge;

import java.util.List;

/** An article as shown to users; {@code body} is HTML rendered from the Markdown source. */
public record Article(String slug, String title, String category, String body, List<Related> related) {

    public record Related(String slug, String title) {
    }
}
