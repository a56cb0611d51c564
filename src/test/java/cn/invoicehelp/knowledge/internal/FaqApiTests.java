package cn.invoicehelp.knowledge.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class FaqApiTests {

    @Autowired
    RestTestClient rest;

    @Autowired
    Feedbacks feedbacks;

    @Autowired
    UnansweredQuestions unanswered;

    @Test
    void answersTheHeadlineQuestionWithAHighlightedSnippet() {
        rest.get().uri("/api/faq/search?q={q}&limit=5", "我的发票在北京系统里查不到怎么办").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.query").isEqualTo("我的发票在北京系统里查不到怎么办")
                .jsonPath("$.bestMatch").isEqualTo("invoice-not-found")
                .jsonPath("$.results[0].slug").isEqualTo("invoice-not-found")
                .jsonPath("$.results[0].title").isNotEmpty()
                .jsonPath("$.results[0].category").isEqualTo("查询排查")
                .jsonPath("$.results[0].score").isNumber()
                .jsonPath("$.results[0].snippet").value((String v) -> assertThat(v).contains("<mark>"))
                .jsonPath("$.results.length()").value((Integer v) -> assertThat(v).isLessThanOrEqualTo(5));
    }

    @Test
    void findsDomainWordsSmartcnDoesNotKnow() {
        rest.get().uri("/api/faq/search?q={q}", "全电票没有代码怎么查验").exchange()
                .expectBody().jsonPath("$.bestMatch").isEqualTo("digital-invoice-number");
        rest.get().uri("/api/faq/search?q={q}", "发票被红冲了").exchange()
                .expectBody().jsonPath("$.bestMatch").isEqualTo("voided-or-reversed");
    }

    @Test
    void answersWithThePassageOfTheBestArticleAsPlainText() {
        rest.get().uri("/api/faq/search?q={q}", "客服电话多少").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.bestMatch").isEqualTo("support-hotline")
                .jsonPath("$.answer.slug").isEqualTo("support-hotline")
                .jsonPath("$.answer.text").value((String v) -> assertThat(v).contains("12366").doesNotContain("<")
                        .doesNotContain("**"))
                .jsonPath("$.outOfScope").value(v -> assertThat(v).isNull());
    }

    @Test
    void invoiceQuestionsThisServiceDoesNotHandleNameWhereToGo() {
        rest.get().uri("/api/faq/search?q={q}", "开票额度不够了怎么申请提高").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.bestMatch").value(v -> assertThat(v).isNull())
                .jsonPath("$.answer").value(v -> assertThat(v).isNull())
                .jsonPath("$.outOfScope.topic").isEqualTo("quota")
                .jsonPath("$.outOfScope.message").value((String v) -> assertThat(v).contains("电子税务局"))
                .jsonPath("$.results").isArray();
        rest.get().uri("/api/faq/search?q={q}", "明天去广州的高铁票还有吗").exchange()
                .expectBody().jsonPath("$.outOfScope").value(v -> assertThat(v).isNull());
    }

    @Test
    void admitsItHasNoAnswerOutsideTheDomainAndQueuesTheQuestion() {
        long before = unanswered.count();
        rest.get().uri("/api/faq/search?q={q}", "明天去广州的高铁票还有吗").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.bestMatch").value(v -> assertThat(v).isNull());
        assertThat(unanswered.count()).isEqualTo(before + 1);
        assertThat(unanswered.findAll()).extracting(UnansweredQuestion::query).contains("明天去广州的高铁票还有吗");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u00a0\u3000", "\u0001发票", "发票\u0007查不到"})
    void rejectsEmptyOrControlCharacterQueriesInChinese(String q) {
        rest.get().uri("/api/faq/search?q={q}", q).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value((String v) -> assertThat(v).contains("问题"));
    }

    @Test
    void rejectsMissingAndOverlongQueries() {
        rest.get().uri("/api/faq/search").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("请输入要搜索的问题。");
        rest.get().uri("/api/faq/search?q={q}", "查".repeat(201)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value((String v) -> assertThat(v).contains("200"));
        rest.get().uri("/api/faq/search?q=发票&limit=abc").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value((String v) -> assertThat(v).contains("limit"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"发票 AND (查不到", "\"红冲", "数电*~", "校验码:后六位", "a\\b", "OR NOT", "((((", "*"})
    void treatsLuceneSyntaxAsPlainText(String q) {
        rest.get().uri("/api/faq/search?q={q}", q).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.query").isEqualTo(q.strip());
    }

    @Test
    void servesEveryRequiredArticleAsHtml() throws IOException {
        List<String> slugs = Files.readAllLines(Path.of("docs/eval/faq-slugs.tsv")).stream().skip(1)
                .filter(line -> !line.isBlank()).map(line -> line.split("\t")[0]).toList();
        assertThat(slugs).hasSize(30);
        for (String slug : slugs) {
            rest.get().uri("/api/faq/articles/{slug}", slug).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.slug").isEqualTo(slug)
                    .jsonPath("$.title").isNotEmpty()
                    .jsonPath("$.category").isNotEmpty()
                    .jsonPath("$.body").value((String v) -> assertThat(v).contains("<p>"))
                    .jsonPath("$.related").isArray();
        }
    }

    @Test
    void answersUnknownArticlesWith404InChinese() {
        rest.get().uri("/api/faq/articles/no-such-article").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").value((String v) -> assertThat(v).contains("找不到"));
        rest.get().uri("/help/articles/no-such-article").exchange().expectStatus().isNotFound();
    }

    @Test
    void suggestsAtMostEightQuestionsForWhatIsBeingTyped() {
        rest.get().uri("/api/faq/suggest?q={q}", "发票").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").value((Integer v) -> assertThat(v).isLessThanOrEqualTo(8))
                .jsonPath("$[0]").value((String v) -> assertThat(v).contains("发票"));
        rest.get().uri("/api/faq/suggest?q={q}", "校验").exchange()
                .expectBody().jsonPath("$").value((List<String> v) -> assertThat(v).isNotEmpty());
    }

    @Test
    void storesWhetherAnArticleHelped() {
        long before = feedbacks.countBySlugAndHelpful("same-day-invoice", true);
        rest.post().uri("/api/faq/articles/same-day-invoice/feedback").contentType(MediaType.APPLICATION_JSON)
                .body("{\"helpful\": true}").exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.helpful").isEqualTo((int) before + 1);
        assertThat(feedbacks.countBySlugAndHelpful("same-day-invoice", true)).isEqualTo(before + 1);
        rest.post().uri("/api/faq/articles/same-day-invoice/feedback").contentType(MediaType.APPLICATION_JSON)
                .body("{\"helpful\": ").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error").isNotEmpty();
        rest.post().uri("/api/faq/articles/nope/feedback").contentType(MediaType.APPLICATION_JSON)
                .body("{\"helpful\": false}").exchange().expectStatus().isNotFound();
    }

    @Test
    void servesTheHelpCenterPagesInChinese() {
        rest.get().uri("/help").exchange().expectStatus().isOk()
                .expectBody(String.class).value((String v) -> assertThat(v).contains("帮助中心"));
        rest.get().uri("/help/articles/same-day-invoice").exchange().expectStatus().isOk()
                .expectBody(String.class).value((String v) -> assertThat(v).contains("这篇文章有帮助吗"));
        rest.get().uri("/api/faq/categories").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].name").isNotEmpty().jsonPath("$[0].articles[0].slug").isNotEmpty();
    }
}
