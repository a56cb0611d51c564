package cn.invoicehelp.knowledge.web;

import cn.invoicehelp.knowledge.internal.KnowledgeBase;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The help center pages; they render with the FAQ API, so the same search serves people and the assistant. */
@Controller
class HelpPages {

    private final KnowledgeBase knowledge;

    HelpPages(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @GetMapping({"/help", "/help/"})
    String index() {
        return "forward:/help/index.html";
    }

    @GetMapping("/help/articles/{slug}")
    String article(@PathVariable String slug, HttpServletResponse response) {
        if (knowledge.article(slug).isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        return "forward:/help/article.html";
    }
}
