package cn.invoicehelp.escalation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fault report as a visitor (or the chat on their behalf) fills it in. Fields are as typed; {@link FaultReporting}
 * checks them. {@code toString} never shows the contact, so a logged form does not leak it.
 *
 * @param occurredAt   ISO-8601 date-time; without an offset it is Beijing time
 * @param attachments  what the chat already knows (steps tried, invoice fields, lookup results), or null
 */
public record FaultReportForm(List<String> invoiceNumbers, String invoiceType, String occurredAt, String description,
                              String phone, String email, UUID conversationId, Attachments attachments) {

    /** What the assistant collected before the report was filed; shown to staff only. */
    public record Attachments(List<String> stepsDone, Map<String, String> invoiceFields, List<String> lookupResults) {
    }

    @Override
    public String toString() {
        return "FaultReportForm[invoiceNumbers=" + invoiceNumbers + ", invoiceType=" + invoiceType + ", occurredAt="
                + occurredAt + ", description=(" + (description == null ? 0 : description.length()) + " chars)"
                + ", phone=" + (phone == null ? "none" : "(given)") + ", email=" + (email == null ? "none" : "(given)")
                + ", conversationId=" + conversationId + "]";
    }
}
