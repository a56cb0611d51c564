package cn.invoicehelp.assistant;

import cn.invoicehelp.assistant.Reply.QuickReply;
import cn.invoicehelp.invoice.InvoiceField;
import cn.invoicehelp.invoice.VerificationResult;
import cn.invoicehelp.knowledge.SearchResponse.SearchHit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the replies and cards; every set of quick replies ends with 转人工 so a person is always one tap away. */
final class Replies {

    static final QuickReply HANDOFF = quick("转人工", Action.HANDOFF);
    static final QuickReply REPORT = quick("提交故障报告", Action.REPORT);
    static final QuickReply RESUME = quick("继续自查", Action.RESUME);
    static final QuickReply MENU = quick("主菜单", Action.MENU);
    static final List<QuickReply> MAIN_MENU = List.of(
            quick("发票查不到", Action.flow("self-check")),
            quick("查一张发票", Action.LOOKUP),
            REPORT,
            HANDOFF);

    private Replies() {
    }

    static QuickReply quick(String label, Action action) {
        return new QuickReply(label, action.wire());
    }

    static Reply message(String text, List<QuickReply> quickReplies) {
        return message(text, quickReplies, null);
    }

    static Reply message(String text, List<QuickReply> quickReplies, Card card) {
        return new Reply("message", text, withHandoff(quickReplies), card);
    }

    static Reply text(String text) {
        return new Reply("message", text, List.of(), null);
    }

    static Reply menu(String text) {
        return new Reply("message", text, MAIN_MENU, null);
    }

    static List<QuickReply> withHandoff(List<QuickReply> quickReplies) {
        if (quickReplies == null || quickReplies.isEmpty()
                || quickReplies.stream().anyMatch(q -> q.label().equals(HANDOFF.label()))) {
            return quickReplies == null ? List.of() : List.copyOf(quickReplies);
        }
        List<QuickReply> all = new ArrayList<>(quickReplies);
        all.add(HANDOFF);
        return List.copyOf(all);
    }

    static Card.Faq faqCard(SearchHit hit) {
        return faqCard(hit.slug(), hit.title(), plainText(hit.snippet()));
    }

    static Card.Faq faqCard(String slug, String title, String snippet) {
        return new Card.Faq(slug, title, snippet, "/help/articles/" + slug);
    }

    static Card.Invoice invoiceCard(VerificationResult result) {
        return new Card.Invoice(result.result().name(), result.status(), result.message(), result.nextSteps(),
                result.problems() == null ? List.of() : result.problems().stream()
                        .map(p -> new Card.Invoice.Problem(String.valueOf(p.field()), String.valueOf(p.code()),
                                String.valueOf(p.message())))
                        .toList());
    }

    static Card.Handoff handoffCard(String reason, List<String> stepsDone, Map<InvoiceField, String> slots) {
        return new Card.Handoff(reason, stepsDone, masked(slots));
    }

    /** Only the last 6 digits of a check code are ever needed, so the rest is not passed on. */
    static Map<String, String> masked(Map<InvoiceField, String> slots) {
        Map<String, String> masked = new LinkedHashMap<>();
        slots.forEach((field, v) -> masked.put(field.key(), field != InvoiceField.CHECK_CODE || v.length() <= 6 ? v
                : "*".repeat(v.length() - 6) + v.substring(v.length() - 6)));
        return masked;
    }

    /** Search snippets are HTML (with mark tags); the chat shows plain text only. */
    static String plainText(String html) {
        if (html == null) {
            return "";
        }
        return html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&nbsp;", " ").replace("&amp;", "&").strip();
    }
}
