package cn.invoicehelp.invoice;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** The answer of POST /api/invoices/verify: a contract, field names must not change; absent fields are omitted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationResult(Outcome result, String status, List<Problem> problems, String message,
        List<String> nextSteps, Map<String, Object> invoice) {

    public enum Outcome { INVALID, OTHER_REGION, OUT_OF_WINDOW, TOO_EARLY, NOT_FOUND, MISMATCH, FOUND, LIMIT_EXCEEDED }

    /** {@code field} is the request field's name; {@code code} a stable machine code; {@code message} zh-CN. */
    public record Problem(String field, String code, String message) {

        /** The field as a type; empty for a problem that names no request field. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public java.util.Optional<InvoiceField> invoiceField() {
            return InvoiceField.byKey(field);
        }
    }
}
