package cn.invoicehelp.knowledge.search;

import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Articles are cut into passages that read as whole answers: plain text, lists with their lead-in. */
class PassagesTests {

    @Test
    void keepsAShortListWithItsLeadInAndLongListsAsItems() {
        var passages = Passages.of(Parser.builder().build().parse("""
                电话咨询可以这样选择：

                - **涉税问题**：拨打 **12366**。
                - **系统问题**：转人工。

                非工作时间请留言。
                """));
        assertThat(passages).containsExactly("电话咨询可以这样选择：\n涉税问题：拨打 12366。\n系统问题：转人工。",
                "非工作时间请留言。");
    }

    @Test
    void everyArticleOfTheKnowledgeBaseHasPassagesWithoutMarkup() {
        for (FaqArticle article : new ArticleLoader().load(Path.of("knowledge-base/faq"))) {
            assertThat(article.passages()).as(article.slug()).isNotEmpty()
                    .allSatisfy(p -> assertThat(p).isNotBlank().doesNotContainPattern("\\*\\*[^\\d*]")
                            .doesNotContain("<").doesNotStartWith("#").doesNotStartWith("- "));
        }
    }
}
