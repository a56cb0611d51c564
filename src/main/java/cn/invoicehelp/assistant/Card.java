package cn.invoicehelp.assistant;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;
import java.util.Map;

/**
 * The card of a bot reply, typed per {@code kind}. On the wire (chat protocol) it is one JSON object: {@code kind}
 * plus the record's fields.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Card.Faq.class, name = "faq"),
        @JsonSubTypes.Type(value = Card.Invoice.class, name = "invoice"),
        @JsonSubTypes.Type(value = Card.Handoff.class, name = "handoff"),
        @JsonSubTypes.Type(value = Card.Report.class, name = "report"),
        @JsonSubTypes.Type(value = Card.Subscribe.class, name = "subscribe")})
public sealed interface Card {

    /** An FAQ article the bot points to; {@code snippet} is plain text. */
    record Faq(String slug, String title, String snippet, String url) implements Card {
    }

    /** The result of one invoice lookup. */
    record Invoice(String result, String status, String message, List<String> nextSteps, List<Problem> problems)
            implements Card {

        public Invoice {
            nextSteps = nextSteps == null ? List.of() : List.copyOf(nextSteps);
            problems = problems == null ? List.of() : List.copyOf(problems);
        }

        public record Problem(String field, String code, String message) {
        }
    }

    /**
     * An offer to subscribe to updates: the client shows a form (phone and/or e-mail, consent) and posts it to
     * {@code url} with {@code targetType}/{@code targetId}; {@code consent} is the text the visitor agrees to.
     */
    record Subscribe(String targetType, String targetId, String title, String url, String consent) implements Card {
    }

    /**
     * A fault report: just filed, or its progress.
     *
     * @param dueAt   when the current stage is due (ISO-8601), null once closed
     * @param overdue only on progress answers: the stage is past its due time
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Report(String trackingNumber, String stage, String stageLabel, String dueAt, Boolean overdue)
            implements Card {
    }

    /**
     * The visitor is handed to a person.
     *
     * @param reason     why: "user" (asked for a person), "misses", "report", …
     * @param stepsDone  titles of the self-check steps already done, in order
     * @param slots      invoice fields collected so far (check code masked but for its last 6 digits)
     */
    record Handoff(String reason, List<String> stepsDone, Map<String, String> slots) implements Card {

        public Handoff {
            stepsDone = stepsDone == null ? List.of() : List.copyOf(stepsDone);
            slots = slots == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(slots));
        }
    }
}
