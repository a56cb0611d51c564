package cn.invoicehelp.knowledge.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** One set of editorial rules (faq-rules.json) for the application and check_faq.py. */
class FaqRulesTests {

    static final FaqRules RULES = FaqRules.load(Path.of("knowledge-base/faq-rules.json"));

    @Test
    void theShippedArticlesFollowTheRules() {
        ArticleLoader loader = new ArticleLoader(RULES);
        assertThat(loader.load(Path.of("knowledge-base/faq"))).hasSizeGreaterThan(40);
        assertThat(loader.violations()).isEmpty();
    }

    @Test
    void anArticleBreakingARuleIsServedAndTheRuleIsNamedLikeTheScriptNamesIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("short.md"), """
                ---
                slug: short
                title: 太短的文章
                category: 其他
                questions:
                  - 只有一个问题
                keywords: [一, 二, 三, 四]
                related: [nowhere, short]
                ---
                正文太短。
                """);
        ArticleLoader loader = new ArticleLoader(RULES);
        assertThat(loader.load(dir)).extracting(FaqArticle::slug).containsExactly("short");
        assertThat(loader.violations()).contains("short.md: bad category", "short.md: 1 questions",
                "short.md: body 5 chars", "short: related nowhere missing", "short: related to itself");
    }
}
