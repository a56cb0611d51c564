package cn.invoicehelp.knowledge.web;

import cn.invoicehelp.knowledge.Article;
import cn.invoicehelp.knowledge.SearchResponse;
import cn.invoicehelp.knowledge.internal.ArticleFeedback;
import cn.invoicehelp.knowledge.internal.Feedbacks;
import cn.invoicehelp.knowledge.internal.KnowledgeBase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Tag(name = "FAQ", description = "常见问题搜索与文章")
@RestController
@RequestMapping("/api/faq")
class FaqController {

    private final KnowledgeBase knowledge;
    private final Feedbacks feedbacks;

    private final Clock clock;

    FaqController(KnowledgeBase knowledge, Feedbacks feedbacks, Clock clock) {
        this.clock = clock;
        this.knowledge = knowledge;
        this.feedbacks = feedbacks;
    }

    @Operation(summary = "搜索常见问题; bestMatch 为空表示没有足够把握的答案")
    @GetMapping("/search")
    SearchResponse search(@RequestParam(required = false) String q, @RequestParam(required = false) Integer limit) {
        SearchResponse response = knowledge.search(QueryInput.validate(q), QueryInput.limit(limit, 5, 50));
        if (response.bestMatch() == null && response.outOfScope() == null) {
            knowledge.recordUnanswered(response.query());
        }
        return response;
    }

    @Operation(summary = "输入联想, 最多 8 条")
    @GetMapping("/suggest")
    List<String> suggest(@RequestParam(required = false) String q) {
        return knowledge.suggest(QueryInput.validate(q), 8);
    }

    @Operation(summary = "一篇文章, 正文为由 Markdown 渲染的 HTML")
    @GetMapping("/articles/{slug}")
    Article article(@PathVariable String slug) {
        return knowledge.article(slug).orElseThrow(() -> new ArticleNotFound(slug));
    }

    @Operation(summary = "按分类列出全部文章")
    @GetMapping("/categories")
    List<Category> categories() {
        Map<String, List<Article.Related>> byCategory = new LinkedHashMap<>();
        knowledge.articles().forEach(article -> byCategory
                .computeIfAbsent(article.category(), key -> new java.util.ArrayList<>())
                .add(new Article.Related(article.slug(), article.title())));
        return byCategory.entrySet().stream().map(e -> new Category(e.getKey(), e.getValue())).toList();
    }

    @Operation(summary = "\"这篇文章有帮助吗?\" 的回答")
    @PostMapping("/articles/{slug}/feedback")
    @ResponseStatus(HttpStatus.CREATED)
    FeedbackSummary feedback(@PathVariable String slug, @RequestBody(required = false) FeedbackVote vote) {
        knowledge.article(slug).orElseThrow(() -> new ArticleNotFound(slug));
        if (vote == null || vote.helpful() == null) {
            throw new QueryInput.BadSearchRequest("请说明这篇文章是否有帮助: {\"helpful\": true 或 false}。");
        }
        feedbacks.save(new ArticleFeedback(slug, vote.helpful(), clock.instant()));
        return new FeedbackSummary(slug, feedbacks.countBySlugAndHelpful(slug, true),
                feedbacks.countBySlugAndHelpful(slug, false));
    }

    record Category(String name, List<Article.Related> articles) {
    }

    record FeedbackVote(Boolean helpful) {
    }

    record FeedbackSummary(String slug, long helpful, long notHelpful) {
    }

    static class ArticleNotFound extends RuntimeException {
        ArticleNotFound(String slug) {
            super("找不到这篇文章: " + slug);
        }
    }
}
