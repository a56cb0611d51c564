package cn.invoicehelp.invoice;

import java.util.Map;

/** Raw user input: every field may carry spaces, full-width digits or a full 20-digit check code. */
public record VerificationRequest(String code, String number, String issueDate, String amount, String checkCode,
        String type) {

    /** A request from fields collected one by one (the assistant's slots); absent fields stay null. */
    public static VerificationRequest of(Map<InvoiceField, String> fields) {
        return new VerificationRequest(fields.get(InvoiceField.CODE), fields.get(InvoiceField.NUMBER),
                fields.get(InvoiceField.ISSUE_DATE), fields.get(InvoiceField.AMOUNT),
                fields.get(InvoiceField.CHECK_CODE), fields.get(InvoiceField.TYPE));
    }
}
