package cn.invoicehelp.knowledge.internal;

import cn.invoicehelp.knowledge.SearchResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Clock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class KnowledgeReloadTests {

    @TempDir
    Path dir;

    private static String article(String slug, String title, String question, String body) {
        return """
                ---
                slug: %s
                title: %s
                category: 查询排查
                questions:
                  - %s
                keywords: [测试]
                related: []
                ---
                %s
                """.formatted(slug, title, question, body);
    }

    private void write(String name, String content) throws IOException {
        Files.createDirectories(dir.resolve("faq"));
        Files.writeString(dir.resolve("faq").resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void picksUpAnEditedArticleWithoutRestart() throws Exception {
        write("a.md", article("captcha", "验证码看不清怎么办", "验证码一直错误", "点击图片可以刷新验证码。"));
        KnowledgeBase knowledge = new KnowledgeBase(new KnowledgeProperties(dir, null, null, true),
                mock(UnansweredQuestions.class), Clock.systemUTC());
        KnowledgeWatcher watcher = new KnowledgeWatcher(knowledge, new KnowledgeProperties(dir, null, null, true));
        watcher.start();
        try {
            assertThat(knowledge.search("发票打印机卡纸", 3).results()).extracting(SearchResponse.SearchHit::slug)
                    .doesNotContain("printer");

            write("b.md", article("printer", "发票打印机卡纸怎么处理", "打印发票时卡纸了", "先关闭打印机电源再取出纸张。"));

            long deadline = System.nanoTime() + 20_000_000_000L;
            while (knowledge.article("printer").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(knowledge.article("printer")).isPresent();
            assertThat(knowledge.search("发票打印机卡纸", 3).bestMatch()).isEqualTo("printer");
        } finally {
            watcher.stop();
        }
    }

    @Test
    void skipsABrokenFileAndKeepsTheRest() throws Exception {
        write("good.md", article("captcha", "验证码看不清怎么办", "验证码一直错误", "点击图片可以刷新验证码。"));
        write("broken.md", "没有 front matter 的文件");
        KnowledgeBase knowledge = new KnowledgeBase(new KnowledgeProperties(dir, null, null, false),
                mock(UnansweredQuestions.class), Clock.systemUTC());

        assertThat(knowledge.article("captcha")).isPresent();
        assertThat(knowledge.articles()).hasSize(1);
    }

    @Test
    void rendersMarkdownAndEscapesRawHtml() throws Exception {
        write("a.md", article("captcha", "验证码看不清怎么办", "验证码一直错误",
                "1. 点击**图片**刷新\n2. <script>alert(1)</script>"));
        KnowledgeBase knowledge = new KnowledgeBase(new KnowledgeProperties(dir, null, null, false),
                mock(UnansweredQuestions.class), Clock.systemUTC());

        String body = knowledge.article("captcha").orElseThrow().body();
        assertThat(body).contains("<ol>", "<strong>图片</strong>").doesNotContain("<script>");
    }

    @Test
    void anEditedScopeFileAnswersOutOfScopeQuestionsAndABrokenOneKeepsTheLastGoodVersion() throws Exception {
        write("a.md", article("captcha", "验证码看不清怎么办", "验证码一直错误", "点击图片可以刷新验证码。"));
        KnowledgeBase knowledge = new KnowledgeBase(new KnowledgeProperties(dir, null, null, false),
                mock(UnansweredQuestions.class), Clock.systemUTC());
        assertThat(knowledge.search("个人所得税怎么申报", 3).outOfScope()).isNull();

        Files.writeString(dir.resolve("scope.yml"), """
                topics:
                  - id: other-taxes
                    title: 其他税种
                    message: 个人所得税请使用个人所得税 App，或拨打 12366。
                    examples: [个人所得税怎么申报, 个税汇算, 个税退税, 个人所得税申报入口, 个税App怎么用]
                """, StandardCharsets.UTF_8);
        knowledge.reload();
        SearchResponse answer = knowledge.search("个人所得税怎么申报", 3);
        assertThat(answer.bestMatch()).isNull();
        assertThat(answer.outOfScope()).isEqualTo(new SearchResponse.OutOfScope("other-taxes",
                "个人所得税请使用个人所得税 App，或拨打 12366。"));

        Files.writeString(dir.resolve("scope.yml"), "topics:\n  - id: other-taxes\n    title: 缺少 message\n",
                StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(knowledge::reload).hasMessageContaining("scope.yml")
                .hasMessageContaining("other-taxes");
        assertThat(knowledge.search("个人所得税怎么申报", 3).outOfScope()).isNotNull();
    }
}
