package cn.invoicehelp.knowledge.search;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** Reads {@code faq/*.md}: YAML front matter (slug, title, category, questions, keywords, related) and a Markdown body. */
class ArticleLoader {

    private static final Logger log = LoggerFactory.getLogger(ArticleLoader.class);

    private final Parser parser = Parser.builder().build();
    // Raw HTML in an article is shown as text: articles are content, not markup.
    private final HtmlRenderer html = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final TextContentRenderer text = TextContentRenderer.builder().build();
    private final FaqRules rules;
    private final List<String> violations = new ArrayList<>();

    ArticleLoader() {
        this(FaqRules.NONE);
    }

    /** With the editorial rules: an article breaking one is still served, and the rule it breaks is logged. */
    ArticleLoader(FaqRules rules) {
        this.rules = rules;
    }

    /** Every readable article of the folder; a broken file is logged and skipped so one typo can't empty the FAQ. */
    List<FaqArticle> load(Path faqDir) {
        if (!Files.isDirectory(faqDir)) {
            log.warn("知识库目录不存在: {}", faqDir.toAbsolutePath());
            return List.of();
        }
        List<FaqArticle> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(faqDir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                try {
                    articles.add(parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
                } catch (RuntimeException | IOException e) {
                    log.error("跳过无法解析的知识库文章 {}: {}", file.getFileName(), e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rules != null) {
            violations.addAll(rules.checkAll(articles));
        }
        violations.forEach(error -> log.warn("知识库文章不符合规则 (faq-rules.json): {}", error));
        if (rules != null) {
            log.debug("faq-rules.json: {} 条问题", violations.size());
        }
        return articles;
    }

    /** The rule violations found by the last {@link #load}, worded like check_faq.py's. */
    List<String> violations() {
        return List.copyOf(violations);
    }

    FaqArticle parse(String source) {
        return parse(null, source);
    }

    FaqArticle parse(String fileName, String source) {
        String normalized = source.replace("\r\n", "\n").stripLeading();
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        if (!normalized.startsWith("---\n")) {
            throw new IllegalArgumentException("缺少 front matter (--- 开头)");
        }
        int end = normalized.indexOf("\n---", 4);
        if (end < 0) {
            throw new IllegalArgumentException("front matter 没有以 --- 结束");
        }
        Map<String, Object> meta = new Yaml(new SafeConstructor(new LoaderOptions())).load(normalized.substring(4, end));
        String body = normalized.substring(normalized.indexOf('\n', end + 1) + 1);
        String slug = required(meta, "slug");
        if (rules != null && fileName != null) {
            violations.addAll(rules.check(fileName, meta, body));
        }
        var document = parser.parse(body);
        return new FaqArticle(slug, required(meta, "title"), required(meta, "category"), list(meta, "questions"),
                list(meta, "keywords"), list(meta, "related"), html.render(document), text.render(document).strip(),
                Passages.of(document));
    }

    private static String required(Map<String, Object> meta, String key) {
        Object value = meta == null ? null : meta.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("front matter 缺少字段 " + key);
        }
        return value.toString().strip();
    }

    private static List<String> list(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        if (value instanceof List<?> items) {
            return items.stream().filter(Objects::nonNull).map(Object::toString).map(String::strip).toList();
        }
        return value == null ? List.of() : List.of(value.toString().strip());
    }
}
