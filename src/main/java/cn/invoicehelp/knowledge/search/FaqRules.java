package cn.invoicehelp.knowledge.search;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The editorial rules of an article ({@code knowledge-base/faq-rules.json}): front-matter keys in order, categories,
 * how many questions, keywords and related articles, body length. The same file drives
 * {@code knowledge-base/tools/check_faq.py}, so the editors' check and the application never disagree.
 */
record FaqRules(List<String> keys, List<String> categories, Range questions, Range keywords, Range related,
        Range bodyChars) {

    record Range(int min, int max) {
        boolean contains(int n) {
            return n >= min && n <= max;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** No rules (a knowledge base without the file): nothing is reported. */
    static final FaqRules NONE = null;

    static FaqRules load(Path file) {
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        try {
            return JSON.readValue(file.toFile(), FaqRules.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file.getFileName() + ": 无法读取文章规则: " + e.getMessage(), e);
        }
    }

    /** What is wrong with one article's front matter and body (the checks check_faq.py makes per file). */
    List<String> check(String fileName, Map<?, ?> meta, String body) {
        List<String> errors = new ArrayList<>();
        List<String> present = meta.keySet().stream().map(String::valueOf).toList();
        if (!present.equals(keys)) {
            errors.add(fileName + ": keys " + present);
        }
        if (!(String.valueOf(meta.get("slug")) + ".md").equals(fileName)) {
            errors.add(fileName + ": slug mismatch");
        }
        if (!categories.contains(String.valueOf(meta.get("category")))) {
            errors.add(fileName + ": bad category");
        }
        List<?> q = list(meta.get("questions"));
        if (!questions.contains(q.size())) {
            errors.add(fileName + ": " + q.size() + " questions");
        }
        if (q.stream().distinct().count() != q.size()) {
            errors.add(fileName + ": dup questions");
        }
        int kw = list(meta.get("keywords")).size();
        if (!keywords.contains(kw)) {
            errors.add(fileName + ": " + kw + " keywords");
        }
        int n = body.replaceAll("(?U)\\s", "").length();
        if (!bodyChars.contains(n)) {
            errors.add(fileName + ": body " + n + " chars");
        }
        return errors;
    }

    /** Checks across articles: related slugs exist and are not the article itself, no question in two articles. */
    List<String> checkAll(List<FaqArticle> articles) {
        List<String> errors = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        var slugs = articles.stream().map(FaqArticle::slug).collect(java.util.stream.Collectors.toSet());
        for (FaqArticle a : articles) {
            if (!related.contains(a.related().size())) {
                errors.add(a.slug() + ": " + a.related().size() + " related");
            }
            for (String r : a.related()) {
                if (!slugs.contains(r)) {
                    errors.add(a.slug() + ": related " + r + " missing");
                }
                if (r.equals(a.slug())) {
                    errors.add(a.slug() + ": related to itself");
                }
            }
            for (String question : a.questions()) {
                String other = seen.putIfAbsent(question, a.slug());
                if (other != null) {
                    errors.add("dup question across " + other + " and " + a.slug() + ": " + question);
                }
            }
        }
        return errors;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : value == null ? List.of() : List.of(value);
    }
}
