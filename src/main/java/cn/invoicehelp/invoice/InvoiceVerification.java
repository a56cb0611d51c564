package cn.invoicehelp.invoice;

import java.util.List;

/** The invoice lookup other modules (the chat assistant) call; same semantics as POST /api/invoices/verify. */
public interface InvoiceVerification {

    /** Checks format, region, window and daily limits, then looks the invoice up and explains the outcome in zh-CN. */
    VerificationResult verify(VerificationRequest request);

    /**
     * Printed fields still needed before {@link #verify} can give more than INVALID, judged from the type (given or
     * inferred from the code/number digits), in the order the invoice prints them.
     */
    List<InvoiceField> missingFields(VerificationRequest request);
}
