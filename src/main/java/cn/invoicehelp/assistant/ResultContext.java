package cn.invoicehelp.assistant;

import cn.invoicehelp.assistant.state.ConversationState;
import cn.invoicehelp.invoice.InvoiceField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The last lookup result as context for the next question: "那金额应该填多少" right after a MISMATCH on the amount,
 * or "作废的怎么办" after a voided invoice was found, is about that result. The question is searched with the
 * result's words added, and the lookup's own explanation of a field the question names comes first.
 */
final class ResultContext {

    /** Words that point back at what was just said rather than ask something new. */
    private static final Pattern REFERS_BACK =
            Pattern.compile("那|这张|这个|这种|这样|刚才|上面|应该|该怎么|怎么办|填什么|填多少|填哪|为什么|什么意思|怎么回事");
    private static final Map<String, String> OUTCOME_WORDS = Map.of(
            "MISMATCH", "查验信息不一致",
            "NOT_FOUND", "查不到",
            "OTHER_REGION", "外省发票",
            "OUT_OF_WINDOW", "查验期限",
            "TOO_EARLY", "当天开具",
            "LIMIT_EXCEEDED", "查验次数");

    private ResultContext() {
    }

    /** True while a lookup result is the last thing the conversation is about. */
    static boolean active(ConversationState s) {
        return s.getOutcome() != null;
    }

    static boolean refersBack(String text) {
        return REFERS_BACK.matcher(text).find();
    }

    /** The question with the result's words added (outcome, status, names of the fields it blamed). */
    static String query(ConversationState s, String text) {
        Set<String> words = new LinkedHashSet<>();
        if (OUTCOME_WORDS.containsKey(s.getOutcome())) {
            words.add(OUTCOME_WORDS.get(s.getOutcome()));
        }
        if (s.getLastStatus() != null && !"正常".equals(s.getLastStatus())) {
            words.add(s.getLastStatus());
        }
        s.getProblemFields().forEach(field -> words.add(field.label()));
        return words.isEmpty() ? text : text + " " + String.join(" ", words);
    }

    /** The lookup's explanations of the blamed fields the question names (or of all, when it names none). */
    static List<String> explanations(ConversationState s, Set<InvoiceField> mentioned) {
        List<String> out = new ArrayList<>();
        s.getProblemMessages().forEach((field, message) -> {
            if (mentioned.isEmpty() || mentioned.contains(field)) {
                out.add(message);
            }
        });
        return out;
    }
}
